"""`python -m bench.soak`: the soak with faults (docs/soak.md).

Run 1 ("postgres"): two `masthead serve` behind one Varnish, on a PostgreSQL cluster and a Redis
server of its own; run 2 ("sqlite"): one `masthead serve` on SQLite. Each: readers at full load,
an editor changing a story every 5 s, faults at fixed offsets. Prints a table per run and writes
bench/results/soak.json and soak.png.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from bench.soak.report import chart, summarise, table
from bench.soak.run import PLANS, Run

ROOT = Path(__file__).resolve().parents[2]


def parse(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--minutes", type=float, default=10.0, help="length of each run (10)")
    parser.add_argument("--runs", default="postgres,sqlite", help="which runs (postgres,sqlite)")
    parser.add_argument("--stories", type=int, default=1000, help="corpus size (1000)")
    parser.add_argument("--readers", type=int, default=2, help="reader processes (2)")
    parser.add_argument("--threads", type=int, default=6, help="threads per reader process (6)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=ROOT / "var" / "soak",
        help="where the runs' data and logs go (var/soak; emptied first)",
    )
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="SOAK_JSON",
        help="only print the tables and draw the chart again from a soak.json",
    )
    options = parser.parse_args(argv)
    unknown = set(options.runs.split(",")) - set(PLANS)
    if unknown or options.minutes <= 0:
        parser.error(f"--runs: pick from {', '.join(PLANS)}; --minutes above 0")
    return options


def say(text: str) -> None:
    print(time.strftime("%H:%M:%S"), text, flush=True)


def main(argv=None) -> None:
    options = parse(argv)
    if options.report:
        runs = json.loads(options.report.read_text())["runs"]
        for run in runs:  # JSON keeps the counts as rows [second, origin, outcome, n]
            run["reads"]["counts"] = Counter({tuple(r[:3]): r[3] for r in run["reads"]["counts"]})
        results = options.report.parent
    else:
        runs = [soak(name, options) for name in options.runs.split(",")]
        results = options.results
    summaries = [summarise(run) for run in runs]
    if not options.report:
        results.mkdir(parents=True, exist_ok=True)
        rows = [
            {**run, "reads": {**run["reads"], "counts": [[*k, n] for k, n in counts(run)]}}
            for run in runs
        ]
        with (results / "soak.json").open("w") as output:
            json.dump({"summaries": summaries, "runs": rows}, output, indent=1, default=str)
    chart(runs, results / "soak.png")
    print("\n\n".join(table(summary) for summary in summaries))
    say(f"wrote {results / 'soak.json'} and {results / 'soak.png'}")


def counts(run: dict):
    return run["reads"]["counts"].items()


def soak(name: str, options: argparse.Namespace) -> dict:
    plan = PLANS[name]
    plan.stories = options.stories
    run = Run(
        plan, options.workdir / name, options.minutes * 60, options.readers, options.threads, say
    )
    try:
        run.setup()
        result = run.run()
    finally:
        run.teardown()
    print(table(summarise(result)), flush=True)
    return result


if __name__ == "__main__":
    main()
