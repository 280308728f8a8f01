"""Publish to fresh, per invalidation bus: `python -m bench --only freshness` (also a step of the
full bench).

For each setup (the database bus; the Redis bus; the Redis bus with Varnish in front and
`masthead worker` purging it), `masthead serve --workers 2` runs on the corpus; then, `--trials`
times (20): the newest story, its section, the front page and /feed/ are fetched until cached,
another process publishes a headline change as an editor does (`python -m bench.inside
publish`), and each URL is polled (a thread each, a new connection every 10 ms) until it has
answered with the new headline for `SETTLED` seconds in a row; the polling starts before the
publish, and one publisher process serves every publish of a setup. A URL's time is when the
first answer of that last fresh run arrived, from the moment before `publish()` (the click); a
stale answer after a fresh one starts the run again. The setup's figure is the worst URL of the
worst trial.

Every process of a setup appends when each invalidation reached each step to a trace file
(`MASTHEAD_TRACE_FILE`, pagecache/trace.py): each trial also reports, from the click, when the
publish committed, the invalidation was relayed, the last server process applied and
acknowledged it, and (with Varnish) the worker started the purge, found every process had
applied it, and Varnish answered.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

from bench.processes import MastheadServer, masthead_command, masthead_env, stop
from bench.soak.stores import ROOT, Redis, Varnish

SETTLED = 0.5
POLL_EVERY = 0.01
TIMEOUT = 30.0
SETUPS = ("database", "redis", "redis + varnish")
# Steps of pagecache/trace.py, in order; "fresh" is the last URL's.
STEPS = ("committed", "relayed", "applied", "acked", "purge_started", "purge_cleared", "purged")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        return response.read()


def fresh_at(url: str, marker: bytes, out: dict, name: str) -> None:
    """Poll `url` (from before the publish) until it has shown `marker` for SETTLED seconds;
    record in `out[name]` when the first answer of that run arrived (epoch seconds; inf: never
    within TIMEOUT)."""
    started, run_start = time.time(), None
    while time.time() - started < TIMEOUT:
        try:
            body = fetch(url)
        except OSError:
            body = b""
        now = time.time()
        if marker in body:
            run_start = run_start or now
            if now - run_start >= SETTLED:
                out[name] = run_start
                return
        else:
            run_start = None
        time.sleep(POLL_EVERY)
    out[name] = float("inf")


class Publisher:
    """`python -m bench.inside publisher`: one process that publishes on request."""

    def __init__(self, home: Path, env: dict):
        self.process = subprocess.Popen(  # noqa: S603 (our own module)
            [sys.executable, "-m", "bench.inside", "publisher"],
            cwd=ROOT,
            env=masthead_env(home, **env),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def publish(self, marker: str) -> dict:
        self.process.stdin.write(marker + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def stop(self) -> None:
        self.process.stdin.close()
        stop(self.process)


def read_trace(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.startswith("{")]


def steps_of(events: list[dict], clicked: float, done: float) -> dict:
    """Seconds from the click to each step of the invalidation that the publish relayed (the
    last process to get there, for the steps each server process takes)."""
    committed = [e["at"] for e in events if e["step"] == "committed" and clicked <= e["at"] <= done]
    relayed = [e for e in events if e["step"] == "relayed" and clicked <= e["at"] <= done]
    if not relayed:
        return {}
    seq = max(e["seq"] for e in relayed)
    found = {"relayed": max(e["at"] for e in relayed)}
    if committed:
        found["committed"] = min(committed)
    for name in STEPS[2:]:
        firsts: dict = {}
        for event in events:
            if event["step"] == name and (event["seq"] or 0) >= seq and event["at"] >= clicked:
                who = event.get("process", event["pid"])
                firsts[who] = min(firsts.get(who, event["at"]), event["at"])
        if firsts:
            found[name] = max(firsts.values())
    return {name: round(at - clicked, 3) for name, at in found.items()}


def trial(origin: str, urls: dict, publisher: Publisher, trace: Path | None = None) -> dict:
    """The URLs polled from before the click until fresh; seconds from the click, per URL."""
    marker = f"bench {time.time_ns() // 1_000_000 % 1_000_000_000}"
    seen: dict[str, float] = {}
    threads = [
        threading.Thread(target=fresh_at, args=(origin + path, marker.encode(), seen, name))
        for name, path in urls.items()
    ]
    for thread in threads:
        thread.start()
    published = publisher.publish(marker)
    for thread in threads:
        thread.join()
    clicked = published["published_at"]
    fresh = {name: round(max(0.0, at - clicked), 3) for name, at in seen.items()}
    done = clicked + published["publish_seconds"] + 0.001
    steps = steps_of(read_trace(trace), clicked, done) if trace else {}
    return {"publish_seconds": published["publish_seconds"], "fresh": fresh, "steps": steps}


def warm(origin: str, urls: dict) -> None:
    for path in urls.values():
        for _ in range(3):
            fetch(origin + path)


class Setup:
    """The processes and services of one setup, started and stopped together."""

    def __init__(self, name: str, home: Path, workdir: Path, workers: int):
        self.name, self.home, self.workdir = name, home, workdir
        self.trace = workdir / "trace.jsonl"
        self.env = {
            "MASTHEAD_CACHE_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
            "MASTHEAD_TRACE_FILE": str(self.trace),
        }
        self.parts: list = []
        self.worker = self.publisher = None
        if "redis" in name:
            redis = Redis(workdir / "redis")
            redis.start()
            self.parts.append(redis)
            self.env["REDIS_URL"] = redis.url
        self.server = MastheadServer(home, workers, log=workdir / "serve.log", env=self.env)
        self.origin = self.server.origin
        if "varnish" in name:
            varnish = Varnish(workdir / "varnish", [self.server.port])
            self.env.update(
                MASTHEAD_VARNISH_URLS=varnish.url, MASTHEAD_PURGE_SECRET=varnish.purge_secret
            )
            self.parts.append(varnish)
            self.origin = varnish.url

    def start(self) -> None:
        self.server.start()
        for part in self.parts:
            if isinstance(part, Varnish):
                part.start()
        if "varnish" in self.name:
            with (self.workdir / "worker.log").open("ab") as log:
                self.worker = subprocess.Popen(  # noqa: S603 (our own command)
                    [masthead_command(), "worker"],
                    env=masthead_env(self.home, **self.env),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )

        self.publisher = Publisher(self.home, self.env)

    def stop(self) -> None:
        if self.publisher is not None:
            self.publisher.stop()
        if self.worker is not None:
            stop(self.worker)
        self.server.stop()
        for part in reversed(self.parts):
            part.stop()


def measure(home: Path, workdir: Path, inside, say, trials: int = 20, workers: int = 2) -> dict:
    """Every setup, `trials` publishes each; the worst seconds overall and per setup."""
    setups = {}
    for name in SETUPS:
        folder = workdir / name.replace(" + ", "-")
        folder.mkdir(parents=True, exist_ok=True)
        setup = Setup(name, home, folder, workers)
        say(f"publish to fresh, {name}: starting masthead serve --workers {workers}")
        try:
            setup.start()
            runs, urls = [], inside(home, "newest", env=setup.env)
            for number in range(1, trials + 1):
                warm(setup.origin, urls)
                runs.append(trial(setup.origin, urls, setup.publisher, setup.trace))
                worst = max(runs[-1]["fresh"].values())
                shown = ", ".join(f"{k} {v:.3f}" for k, v in step_order(runs[-1]["steps"]))
                say(
                    f"  {name} publish {number}/{trials}: every URL fresh after {worst:.2f} s"
                    f" ({shown})"
                )
                time.sleep(0.5)
        finally:
            setup.stop()
        worsts = [max(run["fresh"].values()) for run in runs]
        setups[name] = {
            "max_seconds": max(worsts),
            "median_seconds": statistics.median(worsts),
            "steps": step_summary(runs),
            "trials": runs,
        }
    return {
        "max_seconds": max(setup["max_seconds"] for setup in setups.values()),
        "trials_per_setup": trials,
        "setups": setups,
    }


def step_order(steps: dict) -> list[tuple[str, float]]:
    return [(name, steps[name]) for name in STEPS if name in steps]


def step_summary(runs: list[dict]) -> dict:
    """Per step, the median and the worst seconds from the click over the trials (and the
    last URL's fresh time)."""
    summary = {}
    for name in (*STEPS, "fresh"):
        values = [
            max(run["fresh"].values()) if name == "fresh" else run["steps"].get(name)
            for run in runs
        ]
        values = [value for value in values if value is not None]
        if values:
            summary[name] = {"median": statistics.median(values), "max": max(values)}
    return summary


def step_gaps(runs: list[dict]) -> dict:
    """Per step, the median and the worst seconds since the steps before it (the click first;
    the last is the last URL fresh): where the time goes."""
    gaps: dict[str, list[float]] = {}
    for run in runs:
        reached = 0.0
        for name, at in [*step_order(run["steps"]), ("fresh", max(run["fresh"].values()))]:
            gaps.setdefault(name, []).append(max(0.0, at - reached))
            reached = max(reached, at)
    return {
        name: {"median": statistics.median(values), "max": max(values)}
        for name, values in gaps.items()
    }


def lines(freshness: dict) -> list[str]:
    """The report's lines."""
    trials = freshness["trials_per_setup"]
    found = [f"publish to every affected URL fresh, {trials} publishes each:"]
    for name, setup in freshness["setups"].items():
        found.append(
            f"  {name:<16} max {setup['max_seconds']:.2f} s, median {setup['median_seconds']:.2f} s"
        )
        steps = setup.get("steps", {})
        if steps:
            found.append(
                "    from the click, median/max s: "
                + ", ".join(f"{k} {v['median']:.3f}/{v['max']:.3f}" for k, v in steps.items())
            )
            gaps = step_gaps(setup["trials"])
            found.append(
                "    since the step before, median/max s: "
                + ", ".join(f"{k} {v['median']:.3f}/{v['max']:.3f}" for k, v in gaps.items())
            )
    return found


if __name__ == "__main__":
    # `python -m bench.freshness bench/results/freshness.json`: the report of a saved run again.
    for line in lines(json.loads(Path(sys.argv[1]).read_text())["freshness"]):
        print(line)
