"""Readers at full load: processes of threads, each thread on one origin (Varnish or a server)
going round its URLs over one keep-alive connection, as fast as answers come. Every answer is
classified (`classify`) and counted per second, origin and outcome; a sample of the failures is
kept with their time, URL and cache headers."""

from __future__ import annotations

import http.client
import multiprocessing
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

OK = "ok"
# A search refused by the search's own limit (a quick 503 with Retry-After, the design of
# docs/search.md's "A search never starves reader pages"): counted, not an error.
SEARCH_BUSY = "search busy"
ERROR_MARKERS = (
    b"<title>Something went wrong</title>",  # Masthead's 500.html
    b"Guru Meditation",  # Varnish's own error page
    b"Backend fetch failed",
    b"Internal Server Error",
)
TIMEOUT = 10.0
SAMPLES_PER_PROCESS = 300


def classify(status: int, body: bytes, expected: int = 200, retry_after: str = "") -> str:
    """`ok`; `search busy` (a 503 with `Retry-After` that is not an error page, from a search
    past its limit: `retry_after` given for search URLs only); or what is wrong: `5xx`,
    `error page` (an error's body under another status, such as a 200 carrying an error page),
    `status NNN` (another status than expected)."""
    erred = any(marker in body for marker in ERROR_MARKERS)
    if status == 503 and retry_after and not erred:
        return SEARCH_BUSY
    if status >= 500:
        return "5xx"
    if erred:
        return "error page"
    if status != expected:
        return f"status {status}"
    return OK


def get(connection: http.client.HTTPConnection, path: str) -> tuple[int, dict, bytes]:
    connection.request("GET", path, headers={"Accept-Encoding": "identity"})
    response = connection.getresponse()
    body = response.read()
    headers = {
        name: response.getheader(name, "")
        for name in ("X-Varnish-Cache", "X-Masthead-Cache", "Retry-After")
    }
    return response.status, headers, body


def fetch(origin: str, path: str) -> tuple[int, dict, bytes]:
    """One request on a connection of its own; status 0 when the connection failed."""
    parts = urlsplit(origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        return get(connection, path)
    except (OSError, http.client.HTTPException) as error:
        return 0, {}, type(error).__name__.encode()
    finally:
        connection.close()


def read_loop(name, origin, paths, offset, stop, counts, samples, lock) -> None:
    parts = urlsplit(origin)
    connection = None
    index = offset
    while not stop.is_set():
        path = paths[index % len(paths)]
        index += 1
        if connection is None:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
        try:
            status, headers, body = get(connection, path)
            retry_after = headers["Retry-After"] if path.startswith("/search/") else ""
            outcome = classify(status, body, retry_after=retry_after)
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = None
            status, headers, outcome = 0, {}, f"connection ({type(error).__name__})"
        second = int(time.time())
        with lock:
            counts[(second, name, outcome)] += 1
            if outcome not in (OK, SEARCH_BUSY) and len(samples) < SAMPLES_PER_PROCESS:
                samples.append(
                    {
                        "at": time.time(),
                        "origin": name,
                        "path": path,
                        "status": status,
                        "outcome": outcome,
                        **headers,
                    }
                )
        if status == 0:
            time.sleep(0.1)  # a refused connection: do not spin


def reader_process(origins, paths, threads, offset, stop, results) -> None:
    counts: Counter = Counter()
    samples: list = []
    lock = threading.Lock()
    workers = []
    for n in range(threads):
        name, origin = origins[n % len(origins)]
        args = (name, origin, paths, offset + n * 37, stop, counts, samples, lock)
        workers.append(threading.Thread(target=read_loop, args=args, daemon=True))
    for worker in workers:
        worker.start()
    stop.wait()
    for worker in workers:
        worker.join(timeout=TIMEOUT + 5)
    with lock:
        results.put(
            {"counts": [[*key, value] for key, value in counts.items()], "samples": samples}
        )


class Readers:
    """`processes` processes of `threads` threads over `origins` ([(name, url)])."""

    def __init__(self, origins, paths, processes: int = 2, threads: int = 6):
        context = multiprocessing.get_context("fork")
        self.stop_event = context.Event()
        self.results = context.Queue()
        self.processes = [
            context.Process(
                target=reader_process,
                args=(origins, paths, threads, n * 1000, self.stop_event, self.results),
                daemon=True,
            )
            for n in range(processes)
        ]

    def start(self) -> None:
        for process in self.processes:
            process.start()

    def stop(self) -> dict:
        self.stop_event.set()
        merged: Counter = Counter()
        samples = []
        for _ in self.processes:
            part = self.results.get(timeout=60)
            for second, name, outcome, value in part["counts"]:
                merged[(second, name, outcome)] += value
            samples += part["samples"]
        for process in self.processes:
            process.join(timeout=10)
        return {"counts": merged, "samples": sorted(samples, key=lambda s: s["at"])}


def check(name: str, origin: str, path: str) -> dict | None:
    status, headers, body = fetch(origin, path)
    outcome = classify(status, body) if status else "connection"
    if outcome == OK:
        return None
    return {"origin": name, "path": path, "status": status, "outcome": outcome, **headers}


def sweep(origins, paths, threads: int = 8) -> list[dict]:
    """Every cacheable path once on every origin (search is never cached), 8 at a time: what
    answers wrongly; after a fault, a cached error page would show here, with its cache
    headers."""
    jobs = [(*o, p) for o in origins for p in paths if not p.startswith("/search/")]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return [answer for answer in pool.map(lambda job: check(*job), jobs) if answer]
