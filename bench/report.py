"""The run's report: tables on the terminal and in results/report.txt, the numbers in
results/results.json, and a bar chart in results/chart.png."""

from __future__ import annotations

import json
from pathlib import Path

from bench import freshness
from bench.checks import Check

RESULTS = Path(__file__).parent / "results"


def load_table(load: dict) -> list[str]:
    nginx = load.get("nginx static", {}).get("rps")
    lines = [
        f"{'scenario':<16}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'x nginx':>9}  cache",
    ]
    for name, result in load.items():
        ratio = f"{result['rps'] / nginx:.2f}" if nginx else "-"
        lines.append(
            f"{name:<16}{result['rps']:>10,.0f}{result['p50_ms']:>9.1f}{result['p99_ms']:>9.1f}"
            f"{ratio:>9}  {result.get('cache') or '-'}"
            + (f"  ({result['non_2xx']} non-2xx)" if result.get("non_2xx") else "")
            + (f"  ({result['errors']} timeouts/errors)" if result.get("errors") else "")
        )
    return lines


def queries_table(queries: dict) -> list[str]:
    sizes = sorted(queries, key=int)
    if not sizes:
        return []
    header = f"{'page type':<14}" + "".join(f"{int(size):>12,}" for size in sizes)
    lines = ["SQL queries per page (a render past the page cache), by stories on the site", header]
    for page_type in queries[sizes[0]]["pages"]:
        counts = [queries[size]["pages"][page_type]["warm"] for size in sizes]
        cells = "".join(f"{'timeout' if count is None else count:>12}" for count in counts)
        lines.append(f"{page_type:<14}{cells}")
    return lines


def archive_table(archive: dict) -> list[str]:
    """Each archive page: queries and milliseconds (past the page cache), by corpus size."""
    sizes = sorted(archive, key=int)
    if not sizes:
        return []
    header = f"{'archive page':<24}" + "".join(f"{int(size):>18,}" for size in sizes)
    lines = ["Archive pages: queries / ms (a render past the page cache), by stories", header]
    names = list(dict.fromkeys(name for size in sizes for name in archive[size]))
    for name in names:
        cells = ""
        for size in sizes:
            page = archive[size].get(name)
            cell = f"{page['warm']} / {page['warm_ms']:,.0f}" if page else "-"
            cells += f"{cell:>18}"
        lines.append(f"{name:<24}{cells}")
    return lines


def yardstick_table(yardstick: dict) -> list[str]:
    """The yardstick step's scenarios: req/s, p50 and p99 of each round (bench/yardstick/)."""
    runs = yardstick.get("runs", [])
    if not runs:
        return []
    lines = [
        f"Yardstick: {yardstick['stories']:,} stories, {len(runs)} interleaved round(s); "
        "'single': one connection, one request at a time",
        f"{'scenario':<18}"
        + "".join(f"{f'round {n} req/s p50 p99':>28}" for n in range(1, len(runs) + 1)),
    ]
    for name in runs[0]:
        cells = ""
        for run in runs:
            result = run[name]
            cell = f"{result['rps']:,.0f} {result['p50_ms']:.1f} {result['p99_ms']:.1f}"
            cell += f" ({result['non_2xx']} non-2xx)" if result.get("non_2xx") else ""
            cells += f"{cell:>28}"
        lines.append(f"{name:<18}{cells}")
    return lines


def write(results: dict, checks: list[Check], say) -> None:
    RESULTS.mkdir(exist_ok=True)
    lines = [f"Masthead bench, {results['started']}, {results['machine']}", results["setup"], ""]
    lines += load_table(results.get("load", {})) + [""]
    lines += queries_table(results.get("queries", {})) + [""]
    lines += archive_table(results.get("archive", {})) + [""]
    lines += yardstick_table(results.get("yardstick", {})) + [""]
    if results.get("rss_mb"):
        memory = ", ".join(f"{mb:.0f} MB" for mb in results["rss_mb"])
        lines.append(f"resident memory per worker: {memory}")
    if results.get("freshness"):
        lines += freshness.lines(results["freshness"])
    lines += ["", "Targets:"] + [f"  {c.verdict}  {c.target}: {c.measured}" for c in checks]
    text = "\n".join(lines) + "\n"
    say("\n" + text)
    (RESULTS / "report.txt").write_text(text)
    results["checks"] = [vars(check) | {"verdict": check.verdict} for check in checks]
    (RESULTS / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    chart(results.get("load", {}), results.get("setup", ""), say)


def chart(load: dict, setup: str, say) -> None:
    if not load:
        return
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        say("matplotlib is not installed (pip install -e '.[bench]'): no chart")
        return
    names = list(load)
    rps = [load[name]["rps"] for name in names]
    nginx = load.get("nginx static", {}).get("rps")
    figure, axes = plt.subplots(figsize=(9, 4.5), layout="constrained")
    bars = axes.bar(names, rps, color=["#888" if n == "nginx static" else "#1f5f8b" for n in names])
    for bar, value in zip(bars, rps, strict=True):
        label = f"{value:,.0f}" + (f"\n{value / nginx:.2f}x" if nginx else "")
        top = max(value, 1)
        axes.annotate(label, (bar.get_x() + bar.get_width() / 2, top), ha="center", va="bottom")
    axes.set_yscale("log")
    axes.set_ylim(bottom=1, top=max(rps) * 5)
    axes.set_ylabel("requests per second (log scale)")
    axes.set_title(f"Masthead: {setup}\nmedian of runs; x = share of nginx static", fontsize=10)
    axes.tick_params(axis="x", labelrotation=20)
    path = RESULTS / "chart.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    say(f"chart: {path}")
