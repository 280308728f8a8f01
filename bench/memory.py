"""The memory of `masthead serve`'s workers after many distinct uncached pages (`python -m
bench.memory --home HOME`, or `python -m bench --only memory`).

`masthead serve --workers 2` on the corpus in HOME; every story URL the corpus has (up to
--requests), each requested once, in a random order, by a few keep-alive connections, with the
`sessionid=bench` cookie, so every request is rendered and the page cache stores nothing (it
keeps its default share, `MASTHEAD_PAGE_CACHE_MB`, for the pages readers get). VmRSS of each
worker (the leaves of the server's process tree) when the server is up, after the first 100
pages, and after every 1,000; the last is the figure checked against the target (150 MB).
With `--stored`, no cookie: each page is rendered once and stored, so the page cache fills to
its default share as it would on a crawled archive (the cache's bytes then count too).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import threading
import time
from pathlib import Path

from bench.processes import MastheadServer, rss_mb

ROOT = Path(__file__).resolve().parent.parent
COOKIE = "sessionid=bench"  # not a valid session key: no session is loaded, nothing cached
WARM = 100  # pages after which the workers have their code and site-wide blocks loaded
EVERY = 1_000  # pages between two readings


def worker_pids(server: MastheadServer) -> list[int]:
    """The server's workers: the processes of its tree that have no children of their own
    (the supervisor and granian's main process each have one or more)."""
    pids = server.worker_pids()
    parents = set()
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.add(int(fields[1]))
    return [pid for pid in pids if pid not in parents]


def reading(server: MastheadServer, pages: int) -> dict:
    pids = worker_pids(server)
    return {"pages": pages, "rss_mb": [round(rss_mb(pid), 1) for pid in pids], "pids": pids}


class Requester:
    """`connections` threads, each with one keep-alive connection, taking paths from a queue."""

    def __init__(self, port: int, connections: int, stored: bool = False):
        self.port = port
        self.headers = {} if stored else {"Cookie": COOKIE}
        self.connections = connections
        self.errors: list[str] = []
        self.done = 0
        self._lock = threading.Lock()

    def run(self, paths: list[str]) -> None:
        todo: queue.Queue = queue.Queue()
        for path in paths:
            todo.put(path)
        threads = [
            threading.Thread(target=self._work, args=(todo,)) for _ in range(self.connections)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _work(self, todo: queue.Queue) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        while True:
            try:
                path = todo.get_nowait()
            except queue.Empty:
                break
            try:
                connection.request("GET", path, headers=self.headers)
                response = connection.getresponse()
                response.read()
                cache = response.getheader("X-Masthead-Cache", "")
                if response.status != 200 or cache == "hit":
                    self._error(f"{path}: {response.status} {cache}")
            except (OSError, http.client.HTTPException) as error:
                self._error(f"{path}: {error!r}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            with self._lock:
                self.done += 1
        connection.close()

    def _error(self, text: str) -> None:
        with self._lock:
            self.errors.append(text)


def measure(
    home: Path,
    paths: list[str],
    say,
    workers: int = 2,
    port: int | None = None,
    connections: int = 4,
    env: dict | None = None,
    log: Path | None = None,
    stored: bool = False,
) -> dict:
    """Serve `home`, request each of `paths` once, and read the workers' memory as it goes."""
    server = MastheadServer(home, workers, log=log, env=env, port=port)
    say(f"memory: masthead serve --workers {workers} on {server.origin}, {len(paths):,} pages")
    server.start()
    try:
        readings = [reading(server, 0)]
        requester = Requester(server.port, connections, stored)
        started, cpu_before = time.monotonic(), server.cpu_seconds()
        done = 0
        for size in [WARM, *[EVERY] * ((len(paths) - WARM) // EVERY + 1)]:
            batch = paths[done : done + size]
            if not batch:
                break
            requester.run(batch)
            done += len(batch)
            readings.append(reading(server, done))
            say(
                f"memory: {done:,} pages, "
                + ", ".join(f"{mb:.0f} MB" for mb in readings[-1]["rss_mb"])
            )
        seconds = time.monotonic() - started
        cpu = server.cpu_seconds() - cpu_before
    finally:
        server.stop()
    return {
        "pages": done,
        "errors": len(requester.errors),
        "first_errors": requester.errors[:5],
        "seconds": round(seconds, 1),
        "worker_cpu_seconds": round(cpu, 1),
        "env": env or {},
        "readings": readings,
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def lines(result: dict) -> list[str]:
    first, warm, last = result["readings"][0], result["readings"][1], result["readings"][-1]
    shown = ", ".join(f"{key}={value}" for key, value in result["env"].items()) or "as shipped"
    mb = lambda reading: ", ".join(f"{value:.0f}" for value in reading["rss_mb"])  # noqa: E731
    return [
        f"worker memory (VmRSS, MB), {result['pages']:,} distinct uncached pages ({shown}):",
        f"  started {mb(first)}; after {warm['pages']:,} pages {mb(warm)}; "
        f"after {last['pages']:,} pages {mb(last)}",
        f"  {result['errors']} errors, {result['seconds']:,.0f} s, workers' CPU "
        f"{result['worker_cpu_seconds']:,.0f} s, load average "
        + ", ".join(f"{load:.1f}" for load in result["load_average"]),
    ]


def story_paths(home: Path, limit: int, inside) -> list[str]:
    paths = inside(home, "urls", str(limit))["stories"]
    random.Random(14).shuffle(paths)  # noqa: S311 (an order of pages, not a secret)
    return paths


def main() -> None:
    from bench.__main__ import inside, say

    parser = argparse.ArgumentParser(
        prog="python -m bench.memory", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--home", type=Path, required=True, help="a corpus home (seed-corpus)")
    parser.add_argument("--requests", type=int, default=10_000, help="distinct story URLs")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--port", type=int, help="default: a free port")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the server")
    parser.add_argument(
        "--stored", action="store_true", help="no cookie: the page cache stores every page"
    )
    parser.add_argument("--log", type=Path, help="the server's output (default: discarded)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "memory.json")
    options = parser.parse_args()
    env = dict(item.split("=", 1) for item in options.env)
    paths = story_paths(options.home, options.requests, inside)
    result = measure(
        options.home,
        paths,
        say,
        options.workers,
        options.port,
        options.connections,
        env,
        options.log,
        options.stored,
    )
    for line in lines(result):
        say(line)
    options.out.parent.mkdir(exist_ok=True)
    options.out.write_text(json.dumps(result, indent=2))
    say(f"written: {options.out}")


if __name__ == "__main__":
    main()
