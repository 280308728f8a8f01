"""The run's report: the summary table (every target beside each database's figure at each
corpus size, and its verdict), then the detail tables, on the terminal and in
results/report.txt; the numbers in results/results.json; the chart of the summary (each
target's figure against it, per database and size) in results/chart.png."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from bench import freshness, memory, search
from bench.checks import Check, Row
from bench.databases import SHORT

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


def columns(results: dict) -> list[tuple[str, int]]:
    """(database, size) of each column of the summary: every database by every size."""
    sizes = sorted(int(size) for size in results.get("sizes", []))
    return [(database, size) for database in results.get("databases", {}) for size in sizes]


def short_size(size: int) -> str:
    return f"{size // 1000:,}k" if size >= 1000 and size % 1000 == 0 else f"{size:,}"


def summary_table(results: dict, rows: list[Row]) -> list[str]:
    """One line per figure: its target, each database's figure at each size, the verdict."""
    wanted = columns(results)
    width = max((len(row.figure) for row in rows), default=10) + 2
    header = f"{'figure':<{width}}{'target':<28}" + "".join(
        f"{SHORT[database] + ' ' + short_size(size):>13}" for database, size in wanted
    )
    lines = [header + "  verdict"]
    for row in rows:
        cells = ""
        for key in wanted:
            cell = row.cells.get(key)
            text = "-" if cell is None else cell.text + ("*" if cell.passed is False else "")
            cells += f"{text:>13}"
        lines.append(f"{row.figure:<{width}}{row.target:<28}{cells}  {row.verdict}")
    lines.append(
        "* misses its target; '-' not measured; ref: for reference, no target"
        " (search: the target is the 100k figure, smaller sizes are reported)"
    )
    return lines


def corpora_lines(results: dict) -> list[str]:
    lines = []
    for database, figures in results.get("databases", {}).items():
        for size, corpus in sorted(figures.get("corpora", {}).items(), key=lambda i: int(i[0])):
            lines.append(f"corpus {SHORT[database]} {int(size):,}: {corpus['built']}")
    return lines


def write(results: dict, checks: list[Check], rows: list[Row], say, show: bool = True) -> None:
    """The report's files; `show`: also on the terminal (else one line saying where)."""
    RESULTS.mkdir(exist_ok=True)
    lines = [
        f"Masthead bench, {results['started']}, commit {results.get('commit', '?')}, "
        f"{results['machine']}",
        results["setup"],
        "",
    ]
    lines += summary_table(results, rows) + [""]
    lines += corpora_lines(results) + [""]
    for database, figures in results.get("databases", {}).items():
        title = f"== {SHORT[database]} =="
        lines += [title, ""]
        if figures.get("load"):
            lines += [f"wrk at {figures.get('load_size', 0):,} stories"]
            lines += load_table(figures["load"]) + [""]
        lines += queries_table(figures.get("queries", {})) + [""]
        lines += archive_table(figures.get("archive", {})) + [""]
        for size in sorted(figures.get("search", {}), key=int):
            lines += search.lines(figures["search"][size]) + [""]
        for size in sorted(figures.get("yardstick", {}), key=int):
            lines += yardstick_table(figures["yardstick"][size]) + [""]
        if figures.get("memory"):
            lines += memory.lines(figures["memory"]) + [""]
        if figures.get("freshness"):
            lines += freshness.lines(figures["freshness"]) + [""]
    lines += [f"step failed: {failed}" for failed in results.get("failed", [])]
    lines += ["Targets:"] + [f"  {c.verdict}  {c.target}: {c.measured}" for c in checks]
    text = "\n".join(lines) + "\n"
    say("\n" + text if show else f"report so far: {RESULTS / 'report.txt'}")
    (RESULTS / "report.txt").write_text(text)
    results["checks"] = [vars(check) | {"verdict": check.verdict} for check in checks]
    (RESULTS / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    chart(results, rows, say if show else lambda line: None)


COLOURS = {
    "sqlite": ["#9ecae1", "#4292c6", "#08519c"],
    "postgresql": ["#fdae6b", "#f16913", "#a63603"],
}


def chart(results: dict, rows: list[Row], say) -> None:
    """Grouped bars: per target, each database and size's figure against the target, scaled so
    that 1.0 is the target and a bar reaching above it passes (for an "at most" target, the
    target divided by the figure); a bar that is only reported is drawn pale."""
    targets = [
        row
        for row in rows
        if not row.reference and any(cell.margin is not None for cell in row.cells.values())
    ]
    if not targets:
        return
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        say("matplotlib is not installed (pip install -e '.[bench]'): no chart")
        return
    from matplotlib.patches import Patch
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    wanted = columns(results)
    sizes = sorted({size for _, size in wanted})
    width = 0.8 / max(len(wanted), 1)
    figure, axes = plt.subplots(figsize=(14, 6), layout="constrained")
    handles = []
    for number, (database, size) in enumerate(wanted):
        colour = COLOURS[database][min(sizes.index(size), 2)]
        handles.append(Patch(color=colour, label=f"{SHORT[database]} {short_size(size)}"))
        for index, row in enumerate(targets):
            cell = row.cells.get((database, size))
            if cell is None or cell.margin is None:
                continue
            axes.bar(
                index - 0.4 + width * (number + 0.5),
                max(min(cell.margin, 100.0), 0.01),
                width,
                color=colour,
                alpha=0.35 if cell.passed is None else 1.0,
                edgecolor="black",
                linewidth=0.3,
            )
    line = axes.axhline(1.0, color="#c00", linewidth=1.5)
    axes.set_yscale("log")
    axes.yaxis.set_major_locator(FixedLocator([0.01, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]))
    axes.yaxis.set_minor_locator(NullLocator())
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    axes.set_xticks(range(len(targets)))
    axes.set_xticklabels(
        ["\n".join([*textwrap.wrap(row.figure, 18), row.target, row.verdict]) for row in targets],
        fontsize=7.5,
    )
    axes.set_ylabel("figure against its target (log scale): above 1 passes")
    axes.set_title(
        f"Masthead bench {results.get('started', '')}, commit {results.get('commit', '?')}: "
        "each issue-14 target per database and corpus size\n"
        '("at most" targets drawn as target / figure; pale: reported, not held to the target)',
        fontsize=10,
    )
    axes.legend(
        [*handles, line],
        [*(h.get_label() for h in handles), "target"],
        ncol=7,
        fontsize=8,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.2),
    )
    path = RESULTS / "chart.png"
    figure.savefig(path, dpi=110)
    plt.close(figure)
    say(f"chart: {path}")
