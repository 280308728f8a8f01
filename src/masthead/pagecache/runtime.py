"""The page cache of this process: its LRU, the shared store, the invalidation state, the
listener thread that keeps that state current, and the thread that tells the others how far it
has got (bus/acks.py).

A process that loses its bus (Redis down, the database unreachable) serves nothing from its
caches, and stores nothing, until it is back and has started over: a page rendered from the
database is slower but never stale."""

from __future__ import annotations

import logging
import os
import threading
import time

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from masthead.pagecache import bus as buses
from masthead.pagecache import sitewide, trace
from masthead.pagecache.bus import acks
from masthead.pagecache.entry import Entry
from masthead.pagecache.hosts import SiteKeys
from masthead.pagecache.release import release
from masthead.pagecache.requests import Rules
from masthead.pagecache.state import state
from masthead.pagecache.store import Inflated, LocalLRU, SharedStore

log = logging.getLogger(__name__)

# A server process relays outbox rows this old that nobody else has (docs/page-cache.md),
# looking every RELAY_INTERVAL seconds: a publisher that died leaves a row at most this long.
RELAY_AFTER = 0.5
RELAY_INTERVAL = 0.2
# What the sites' part of a key is worked out with (hosts.py), read with the sites.
HOST_SETTINGS = frozenset(
    {"ALLOWED_HOSTS", "DEBUG", "USE_X_FORWARDED_HOST", "USE_X_FORWARDED_PORT"}
)


class PageCache:
    def __init__(self) -> None:
        config = settings.MASTHEAD_PAGE_CACHE
        self.enabled = config["ENABLED"]
        self.sites = SiteKeys()
        self.rules = Rules(config["EXCLUDED_PREFIXES"], [settings.SESSION_COOKIE_NAME], self.sites)
        # An eighth of the share for identity bodies inflated from compressed entries.
        self.inflated = Inflated(config["MAX_BYTES"] // 8)
        self.lru = LocalLRU(config["MAX_BYTES"] - self.inflated.max_bytes)
        self.shared = SharedStore(config["STORE"], release()) if config["STORE"] else None
        self.max_ttl = config["MAX_TTL"]
        self.bus = buses.load()
        self.listening = config["LISTEN"]
        self.ready = threading.Event()
        self.applied = threading.Event()  # set when there is something new to acknowledge
        self.process = ""
        self._started = False
        self._stopping = False
        self._start_lock = threading.Lock()
        os.register_at_fork(after_in_child=self._forked)

    # The listener -------------------------------------------------------------------------

    def ensure_listening(self) -> None:
        """Start this process's listener, once (a forked child starts its own: `_forked`)."""
        if self._started:
            return
        with self._start_lock:
            if self._started:
                return
            self.lru.clear()
            self.inflated.clear()
            if self.listening:
                self.ready.clear()
                self.process = acks.process_name()
                for target, name in (
                    (self._listen, "pagecache-listener"),
                    (self._relay, "pagecache-relay"),
                    (self._acknowledge, "pagecache-acks"),
                ):
                    threading.Thread(target=target, name=name, daemon=True).start()
            else:
                self.ready.set()
            self._started = True

    def _forked(self) -> None:
        """In a child just forked: none of the parent's threads run here, and what it cached was
        kept current by them. (Told by the fork, not by comparing process ids at every hit.)"""
        self._start_lock = threading.Lock()
        self._started = False

    def _listen(self) -> None:
        while not self._stopping:
            try:
                self.bus.listen(
                    self._on_start, self._on_invalidation, lambda: self._stopping, self._on_lost
                )
            except Exception:
                # Whatever went wrong, the listener goes on (having started over).
                log.exception("page cache: the listener failed; starting over")
                self._on_lost()
                time.sleep(RELAY_INTERVAL)

    def _relay(self) -> None:
        """Send what a process that died left in the outbox, should no worker be running."""
        from masthead.pagecache.invalidation import relay

        while not self._stopping:
            time.sleep(RELAY_INTERVAL)
            try:
                relay(older_than=RELAY_AFTER)
            except Exception:
                log.warning("page cache: relaying the outbox failed", exc_info=True)
                _drop_connection()

    def _acknowledge(self) -> None:
        """Record where this process stands as soon as it applies something, and every
        heartbeat otherwise; nothing while it has lost the bus."""
        sent, sent_at, failing = None, 0.0, False
        while not self._stopping:
            self.applied.wait(acks.HEARTBEAT)
            self.applied.clear()
            if not self.ready.is_set() or state.suspended:
                continue
            seq = state.last_seq
            if seq == sent and time.monotonic() - sent_at < acks.HEARTBEAT:
                continue
            try:
                self.bus.ack(self.process, seq)
            except Exception:
                if not failing:
                    log.warning("page cache: recording what it applied failed", exc_info=True)
                failing = True
                _drop_connection()
                continue
            if seq != sent:
                trace.step("acked", seq, process=self.process)
            sent, sent_at, failing = seq, time.monotonic(), False

    def _on_start(self, seq: int) -> None:
        # Starting over (a new process, or a lost subscription): whatever this process cached
        # may have missed invalidations, so none of it is kept.
        state.reset(seq)
        self.lru.clear()
        self.inflated.clear()
        sitewide.clear()
        self.ready.set()
        self.applied.set()

    def _on_invalidation(self, seq: int, tags: list[str]) -> None:
        state.apply(seq, tags)
        self.applied.set()
        trace.step("applied", seq, process=self.process)

    def _on_lost(self) -> None:
        # Cut off from the invalidations: serve and keep nothing cached until `_on_start`.
        self.ready.clear()
        state.suspend()
        self.lru.clear()
        self.inflated.clear()
        sitewide.clear()

    # Lookups and stores --------------------------------------------------------------------

    def fresh(self, entry: Entry, now: float) -> bool:
        if entry.expires <= now:
            return False
        generation = state.generation
        if entry.checked == generation:
            return True
        if state.is_fresh(entry.seq, entry.tags):
            entry.checked = generation
            return True
        return False

    def lookup(self, key: str) -> Entry | None:
        if not self.ready.is_set():
            return None
        now = time.time()
        entry = self.lru.get(key)
        if entry is not None:
            if self.fresh(entry, now):
                return entry
            self.lru.discard(key, entry)
        if self.shared is None:
            return None
        entry = self.shared.get(key)
        if entry is None:
            return None
        entry.checked = -1
        entry.prepared = {}
        entry.inflated = None
        if not self.fresh(entry, now):
            return None
        self.lru.put(key, entry)
        return entry

    def store(self, key: str, entry: Entry) -> None:
        if self.listening and not self.ready.is_set():
            return  # not yet told where the invalidations stand
        self.lru.put(key, entry)
        if self.shared is not None:
            self.shared.put(key, entry, entry.expires - time.time())

    def apply_local(self, seq: int, tags) -> None:
        """An invalidation this process caused: effective here at once."""
        state.apply(seq, tags, contiguous=not self.listening)


def _drop_connection() -> None:
    from django.db import connection

    connection.close()


_cache: PageCache | None = None
_cache_lock = threading.Lock()


def get() -> PageCache:
    global _cache
    if _cache is None:
        with _cache_lock:
            if _cache is None:
                _cache = PageCache()
    return _cache


def reset_for_tests() -> None:
    """Empty every per-process cache (tests roll back transactions, which no listener sees)."""
    state.reset(0)
    sitewide.clear()
    if _cache is not None:
        _cache.lru.clear()
        _cache.inflated.clear()
        _cache.sites.forget()
        if _cache.shared is not None:
            _cache.shared.clear()


@receiver(setting_changed)
def _host_setting_changed(*, setting, **kwargs) -> None:
    """Tests change settings: a host is worked out again with the new ones."""
    if setting in HOST_SETTINGS and _cache is not None:
        _cache.sites.forget()
