"""What a soak run did, as numbers (`summarise`), a table (`table`) and a chart (`chart`)."""

from __future__ import annotations

from collections import Counter, defaultdict

from bench.soak.readers import OK, SEARCH_BUSY

GRACE = 10  # seconds after a fault ends during which errors count as the fault's


def fault_windows(run: dict) -> list[tuple[float, float]]:
    """Each fault's seconds: from its start to the next fault's start (or the end)."""
    starts = [fault["started"] for fault in run["faults"]] + [run["ended"]]
    return [(starts[n], max(starts[n + 1], starts[n])) for n in range(len(run["faults"]))]


def errors_between(counts: Counter, start: float, end: float) -> dict:
    """Per origin: errors in [start, end), the first and last second with one, by outcome."""
    found: dict = defaultdict(
        lambda: {"errors": 0, "first": None, "last": None, "kinds": Counter()}
    )
    for (second, origin, outcome), value in counts.items():
        if outcome in (OK, SEARCH_BUSY) or not start - 1 < second < end:
            continue
        entry = found[origin]
        entry["errors"] += value
        entry["kinds"][outcome] += value
        entry["first"] = second if entry["first"] is None else min(entry["first"], second)
        entry["last"] = second if entry["last"] is None else max(entry["last"], second)
    return {
        origin: {
            **entry,
            "seconds": entry["last"] - entry["first"] + 1,
            "kinds": dict(entry["kinds"]),
        }
        for origin, entry in found.items()
    }


def in_restart(second: int, faults: list[dict]) -> bool:
    return any(f["started"] - 1 < second <= f["ended"] + GRACE for f in faults)


def cached(bad: list[dict]) -> list[dict]:
    """Wrong answers that came from a cache (Varnish's or the app's)."""
    return [b for b in bad if "hit" in (b.get("X-Varnish-Cache"), b.get("X-Masthead-Cache"))]


def summarise(run: dict) -> dict:
    counts: Counter = run["reads"]["counts"]
    requests, errors = Counter(), Counter()
    outside = busy = 0
    for (second, origin, outcome), value in counts.items():
        requests[origin] += value
        if outcome == SEARCH_BUSY:
            busy += value
        elif outcome != OK:
            errors[origin] += value
            outside += 0 if in_restart(second, run["faults"]) else value
    ages = [change["oldest"] for change in run["changes"]]
    fresh = [change["fresh"] for change in run["changes"] if change["fresh"] is not None]
    windows = zip(run["faults"], fault_windows(run), strict=True)
    faults = [fault_summary(run, fault, start, end) for fault, (start, end) in windows]
    seconds = run["ended"] - run["started"]
    return {
        "run": run["plan"]["name"],
        "setup": run["plan"]["note"],
        "seconds": round(seconds),
        "requests": dict(requests),
        "errors": dict(errors),
        "req_per_s": round(sum(requests.values()) / seconds),
        "errors_outside_faults": outside,
        "searches_refused_busy": busy,
        "changes": len(ages),
        "oldest_stale": oldest(run["changes"]),
        "oldest_stale_after_commit": oldest(run["changes"], "after_commit"),
        "changes_over_1s_after_commit": sum(
            1
            for c in run["changes"]
            if c.get("after_commit", c["oldest"]) is None or c.get("after_commit", c["oldest"]) > 1
        ),
        "all_fresh_after": max(fresh, default="-"),
        "changes_over_1s": sum(1 for age in ages if age is None or age > 1),
        "never_fresh": sum(1 for age in ages if age is None),
        "editor_failures": [e for e in run["edits"] if not e["ok"]],
        "faults": faults,
        "memory_start": run["memory_start"],
        "memory_end": run["memory_end"],
        "servers_alive_at_end": run["servers_alive_at_end"],
        "wrong_at_end": run["bad_at_end"],
        "cached_errors_at_end": cached(run["bad_at_end"]),
    }


EDIT_SLACK = 1.0  # a change clicked just before a fault can be caught by it


def fault_summary(run: dict, fault: dict, start: float, end: float) -> dict:
    """What one fault did: errors and changes from its start to the next fault's."""
    changed = [c for c in run["changes"] if start - EDIT_SLACK <= c["clicked"] < end]
    after = fault.get("bad_after", [])
    return {
        "fault": fault["fault"],
        "at": round(fault["started"] - run["started"], 1),
        "took": round(fault["ended"] - fault["started"], 1),
        "errors": errors_between(run["reads"]["counts"], start, end),
        "notes": fault["notes"],
        "changes": len(changed),
        "oldest_stale": oldest(changed),
        "oldest_stale_after_commit": oldest(changed, "after_commit"),
        "never_fresh": [page for c in changed for page in c["never_fresh"]],
        "wrong_after": len(after),
        "cached_errors_after": cached(after),
        "servers_alive": fault["servers_alive"],
        **({"published_once": fault["published_once"]} if "published_once" in fault else {}),
    }


def targets(summary: dict) -> list[tuple[bool, str]]:
    """The soak's targets (docs/soak.md), each met or not."""
    cached_errors = len(summary["cached_errors_at_end"]) + sum(
        len(f["cached_errors_after"]) for f in summary["faults"]
    )
    stale = summary.get("oldest_stale_after_commit", summary["oldest_stale"])
    once = [f["published_once"] for f in summary["faults"] if "published_once" in f]
    return [
        (summary["errors_outside_faults"] == 0, "0 errors outside the faults' seconds"),
        (cached_errors == 0, f"no error page cached ({cached_errors} seen)"),
        (
            stale in ("-", 0) or (stale is not None and stale <= 1),
            "oldest stale page <= 1 s after the change committed",
        ),
        (all(once), "the scheduled story published exactly once"),
        (all(summary["servers_alive_at_end"].values()), "every server still up at the end"),
    ]


def oldest(changes: list[dict], key: str = "oldest") -> float | None | str:
    """The oldest stale answer over `changes`, from the click (`oldest`) or from the commit
    (`after_commit`); None if a page never became fresh."""
    if not changes:
        return "-"
    ages = [c.get(key, c["oldest"]) for c in changes]
    return None if None in ages else max(ages)


def age_text(age) -> str:
    return "-" if age == "-" else "STALE > 30 s" if age is None else f"{age:.2f} s"


def table(summary: dict) -> str:
    lines = [f"Run {summary['run']}: {summary['setup']}, {summary['seconds']} s"]
    lines.append(
        f"  requests: {sum(summary['requests'].values()):,} ({summary['req_per_s']:,}/s) "
        + ", ".join(f"{o} {n:,}" for o, n in summary["requests"].items())
    )
    lines.append(
        "  errors: "
        + (", ".join(f"{o} {n:,}" for o, n in summary["errors"].items()) or "0")
        + f"; outside the faults' seconds: "
        f"{summary['errors_outside_faults']:,}"
        f"; searches refused by the search limit (503, Retry-After): "
        f"{summary.get('searches_refused_busy', 0):,}"
    )
    lines.append(
        f"  changes: {summary['changes']}, oldest stale page {age_text(summary['oldest_stale'])}"
        f" from the click, {summary['changes_over_1s']} over 1 s"
        f"; after the commit {age_text(summary.get('oldest_stale_after_commit', '-'))}"
        f", {summary.get('changes_over_1s_after_commit', '-')} over 1 s"
        f"; {summary['never_fresh']} never fresh"
        f" (every page fresh at most {age_text(summary['all_fresh_after'])} after the click)"
        f"; editor failures: {len(summary['editor_failures'])}"
    )
    for name, start in summary["memory_start"].items():
        end = summary["memory_end"].get(name, {})
        lines.append(
            f"  RSS {name} MB: start {_mb(start)}, end {_mb(end)}"
            f" (alive at end: {summary['servers_alive_at_end'][name]})"
        )
    lines.append(
        f"  wrong answers at the end: {len(summary['wrong_at_end'])}, from a cache: "
        f"{len(summary['cached_errors_at_end'])}"
    )
    lines.append("")
    lines.append(
        f"  {'fault':<44} {'at s':>5} {'took':>5}  {'errors per origin (over seconds)':<48}"
        f" {'stale: click / commit':>22}  cached errors after"
    )
    for fault in summary["faults"]:
        errs = ", ".join(
            f"{o} {e['errors']} ({e['seconds']} s)" for o, e in fault["errors"].items()
        )
        lines.append(
            f"  {fault['fault']:<44} {fault['at']:>5} {fault['took']:>5}  {errs or '0':<48}"
            f" {age_text(fault['oldest_stale']):>10} / "
            f"{age_text(fault.get('oldest_stale_after_commit', '-')):>9}"
            f"  {len(fault['cached_errors_after'])}"
        )
        lines += [f"      {note}" for note in fault["notes"]]
        lines += [f"      never fresh: {_page(page)}" for page in fault["never_fresh"]]
        lines += [f"      cached error: {_page(page)}" for page in fault["cached_errors_after"]]
    lines += [f"  {'PASS' if met else 'MISS'}  {text}" for met, text in targets(summary)]
    return "\n".join(lines)


def _page(page: dict) -> str:
    headers = [
        f"{key} {page[key]}" for key in ("X-Varnish-Cache", "X-Masthead-Cache") if page.get(key)
    ]
    return (
        f"{page['origin']} {page['path']} answered {page.get('status')} {page.get('outcome', '')}"
        + (f" ({', '.join(headers)})" if headers else "")
    )


def _mb(memory: dict) -> str:
    return " + ".join(f"{mb:.0f}" for mb in memory.values()) or "-"


def smooth(values: list[float], width: int = 5) -> list[float]:
    return [
        sum(values[max(0, n - width + 1) : n + 1]) / min(width, n + 1) for n in range(len(values))
    ]


def chart(runs: list[dict], path) -> None:
    """Per run: requests per second per origin, errors per second, the faults, and the oldest
    stale page after each change (30 s: never fresh)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(len(runs), 1, figsize=(11, 4 * len(runs)), squeeze=False)
    for axis, run in zip(axes[:, 0], runs, strict=True):
        plot_load(axis, run)
        plot_faults(axis, run)
        plot_staleness(axis.twinx(), run)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def plot_load(axis, run: dict) -> None:
    per: dict = defaultdict(Counter)
    bad: Counter = Counter()
    for (second, origin, outcome), value in run["reads"]["counts"].items():
        per[origin][second - int(run["started"])] += value
        if outcome not in (OK, SEARCH_BUSY):
            bad[second - int(run["started"])] += value
    for origin, series in sorted(per.items()):
        xs = sorted(series)
        axis.plot(xs, smooth([series[x] for x in xs]), label=f"{origin} req/s (5 s mean)")
    if bad:
        xs = sorted(bad)
        axis.bar(xs, [bad[x] for x in xs], color="red", label="errors/s", width=1.0)
    axis.set_title(f"soak {run['plan']['name']}: {run['plan']['note']}", fontsize=9)
    axis.set_xlabel("seconds into the run")
    axis.set_ylabel("requests per second")
    axis.legend(loc="lower left", fontsize=7)


def plot_faults(axis, run: dict) -> None:
    for fault in run["faults"]:
        at = fault["started"] - run["started"]
        axis.axvline(at, color="black", linestyle="--")
        top = axis.get_ylim()[1] * 0.95
        axis.text(at, top, fault["fault"][:22], fontsize=7, rotation=90, va="top")


def plot_staleness(axis, run: dict) -> None:
    ages = [
        (c["clicked"] - run["started"], 30 if c["oldest"] is None else c["oldest"])
        for c in run["changes"]
    ]
    axis.scatter([a for a, _ in ages], [b for _, b in ages], color="purple", s=12)
    axis.axhline(1.0, color="purple", linewidth=0.5)
    axis.set_ylabel("oldest stale page after a change (s; 30: never fresh)")
