"""What this process knows about invalidations: the newest one it has applied, and for each tag
the sequence number of the last invalidation that named it.

Every invalidation gets a number from one shared, increasing sequence (a counter row in the
database, or a Redis counter), allocated only after the content change has committed. A cached
thing rendered when this process had applied every invalidation up to `seq` is fresh as long as
none of its tags has been invalidated by a later number. The check runs in memory on the hot
path; the numbers arrive off it, from the bus's listener thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable


class InvalidationState:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset(0)

    def reset(self, start: int) -> None:
        """Start over from `start`: anything stamped before it is unknown, hence stale."""
        with self._lock:
            self.start_seq = start
            self.last_seq = start
            self.suspended = False
            self.versions: dict[str, int] = {}
            # Bumped on every change, so that a cached thing checked at this generation
            # need not be checked tag by tag again.
            self.generation = getattr(self, "generation", 0) + 1

    def apply(self, seq: int, tags: Iterable[str], contiguous: bool = True) -> None:
        """Record invalidation `seq` of `tags`. The listener applies the invalidations in
        sequence order (`contiguous`); a process that caused one applies it at once as well,
        out of order, without claiming it has seen the ones before it."""
        with self._lock:
            if seq <= self.start_seq:
                return
            versions = self.versions
            for tag in tags:
                if versions.get(tag, 0) < seq:
                    versions[tag] = seq
            if contiguous or seq == self.last_seq + 1:
                self.last_seq = max(self.last_seq, seq)
            self.generation += 1

    def suspend(self) -> None:
        """The bus is lost: nothing cached is fresh (so nothing is served from a cache or kept)
        until `reset` starts over from where the bus stands."""
        with self._lock:
            self.suspended = True
            self.generation += 1

    def is_fresh(self, seq: int, tags: Iterable[str]) -> bool:
        if self.suspended or seq < self.start_seq:
            return False
        versions = self.versions
        return all(versions.get(tag, 0) <= seq for tag in tags)


state = InvalidationState()
