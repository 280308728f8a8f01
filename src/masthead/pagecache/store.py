"""Where cached responses live: a bounded in-process LRU in front of a store that the server
processes share (files under MASTHEAD_HOME by default, Redis when REDIS_URL is set)."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict

from django.core.cache import caches

from masthead.pagecache.entry import Entry

log = logging.getLogger(__name__)


class LocalLRU:
    """Entries by key, oldest use evicted first once their bytes exceed `max_bytes`."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        size = entry.size
        if size > self.max_bytes // 4:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self._entries[key] = entry
            self.bytes += size
            while self.bytes > self.max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self.bytes -= evicted.size

    def discard(self, key: str, entry: Entry | None = None) -> None:
        with self._lock:
            current = self._entries.get(key)
            if current is not None and (entry is None or current is entry):
                del self._entries[key]
                self.bytes -= current.size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        return len(self._entries)


class Inflated:
    """The identity bodies last inflated from entries kept compressed only (entry.py), up to
    `max_bytes`: a client that accepts no compression and asks for one page again and again
    (a monitor, a load test) costs one inflation, not one per request. The body is kept on its
    entry (`Entry.inflated`, read without a lock on the hot path); this keeps the order in which
    they were inflated, and takes the oldest back once they exceed `max_bytes`."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[int, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def body(self, entry: Entry, encoding: str) -> bytes:
        body = entry.bodies.get(encoding)
        if body is not None:
            return body
        body = entry.inflated
        if body is not None:
            return body
        body = entry.body(encoding)
        if len(body) > self.max_bytes // 4:
            return body
        with self._lock:
            if id(entry) not in self._entries:
                entry.inflated = body
                self._entries[id(entry)] = entry
                self.bytes += len(body)
            while self.bytes > self.max_bytes and self._entries:
                _, evicted = self._entries.popitem(last=False)
                self.bytes -= len(evicted.inflated)
                evicted.inflated = None
        return body

    def clear(self) -> None:
        with self._lock:
            for entry in self._entries.values():
                entry.inflated = None
            self._entries.clear()
            self.bytes = 0


class SharedStore:
    """The processes' common store, through Django's cache framework (alias `pagecache`)."""

    def __init__(self, alias: str, release: str):
        self.alias = alias
        self.release = release

    def _key(self, key: str) -> str:
        return hashlib.sha1(f"{self.release}\n{key}".encode(), usedforsecurity=False).hexdigest()

    def get(self, key: str) -> Entry | None:
        try:
            entry = caches[self.alias].get(self._key(key))
        except Exception:
            log.warning("page cache: reading the shared store failed", exc_info=True)
            return None
        return entry if isinstance(entry, Entry) else None

    def put(self, key: str, entry: Entry, timeout: float) -> None:
        try:
            caches[self.alias].set(self._key(key), entry, timeout=max(1, int(timeout)))
        except Exception:
            log.warning("page cache: writing the shared store failed", exc_info=True)

    def clear(self) -> None:
        try:
            caches[self.alias].clear()
        except Exception:
            log.warning("page cache: clearing the shared store failed", exc_info=True)
