"""After each change, how long each affected page stays stale on each origin.

A change is what the editor answered (`bench/soak/editor.py`): the story's id, its marker, the
moment before the publish (`clicked`) and the affected URLs (the story, its section, the front
page, /feed/). Each URL is polled on each origin until it shows the change: the marker (a new or
corrected headline), or, for a pulled story, 410 at its address and its headline gone from the
lists. Two times are recorded from the click: `stale` when the last stale answer arrived (0 when
the first answer was fresh: the age of the oldest stale page a reader was given) and `fresh`
when the first fresh one arrived (which adds the time to render it under load). A page still
stale after `POLL_LIMIT` seconds is recorded with `fresh` None and the last answer seen.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor

from bench.soak.readers import classify, fetch

POLL_LIMIT = 30.0
POLL_EVERY = 0.02


def is_fresh(change: dict, path: str, status: int, body: bytes) -> bool:
    marker = change["marker"].encode()
    if change["kind"] == "pull":
        if path == change["urls"][0]:
            return status == 410
        return status == 200 and classify(status, body) == "ok" and marker not in body
    return status == 200 and marker in body


def poll(change: dict, name: str, origin: str, path: str) -> dict:
    deadline = change["clicked"] + POLL_LIMIT
    stale = 0.0
    while True:
        status, headers, body = fetch(origin, path)
        age = round(time.time() - change["clicked"], 3)
        if is_fresh(change, path, status, body):
            return {"origin": name, "path": path, "fresh": age, "stale": stale}
        stale = age
        if time.time() > deadline:
            outcome = classify(status, body) if status else "connection"
            return {
                "origin": name,
                "path": path,
                "fresh": None,
                "stale": stale,
                "status": status,
                "outcome": outcome,
                **headers,
            }
        time.sleep(POLL_EVERY)


class Watcher:
    """Polls every change's pages on every origin in the background."""

    def __init__(self, origins: list[tuple[str, str]]):
        self.origins = origins
        self.pool = ThreadPoolExecutor(max_workers=96, thread_name_prefix="fresh")
        self.changes: list[tuple[dict, list[Future]]] = []

    def watch(self, change: dict) -> None:
        futures = [
            self.pool.submit(poll, change, name, origin, path)
            for name, origin in self.origins
            for path in change["urls"]
        ]
        self.changes.append((change, futures))

    def results(self) -> list[dict]:
        """Each change with its pages, the oldest stale answer given (`oldest`; None: some page
        never became fresh) and when the last page became fresh (`fresh`)."""
        done = []
        for change, futures in self.changes:
            pages = [future.result() for future in futures]
            never = [page for page in pages if page["fresh"] is None]
            oldest = None if never else max((page["stale"] for page in pages), default=0.0)
            fresh = None if never else max((page["fresh"] for page in pages), default=0.0)
            done.append(
                {
                    **change,
                    "pages": pages,
                    "oldest": oldest,
                    "after_commit": after_commit(change, oldest),
                    "fresh": fresh,
                    "never_fresh": never,
                }
            )
        self.pool.shutdown()
        return done


def after_commit(change: dict, oldest: float | None) -> float | None:
    """How long a stale page was still given after the change committed (the editor's publish
    transaction takes part of the time from the click; before the commit the old page is the
    current one): `oldest` less the click-to-commit time, at least 0."""
    if oldest is None or "committed" not in change:
        return oldest
    return round(max(0.0, oldest - (change["committed"] - change["clicked"])), 3)
