"""Which server processes have applied an invalidation, so that Varnish is purged only once every
one of them has (then Varnish cannot refetch the old page from a process that has not heard).

Each server process's page cache records in the bus's store (a Redis hash, or the
`pagecache_processack` table) "applied every invalidation up to N" as soon as it has, and again
every `HEARTBEAT` seconds. A process heard from within `MASTHEAD_PURGE_LIVE` seconds is live;
one not heard from for longer (killed, stopped, cut off from the bus) is not waited for. A process
on this machine (same host name and process namespace) whose pid has ended is not waited for
either, from the moment it ends: a server worker killed with SIGKILL (and started again by its
server) would otherwise hold every purge for `MASTHEAD_PURGE_LIVE` seconds.

A purge task (`pagecache.tasks.purge_tags`) waits until every live process has reached the
invalidation's number, at most `settings.MASTHEAD_PURGE_WAIT` seconds: then it purges anyway
and logs which process lagged.
"""

from __future__ import annotations

import logging
import os
import secrets
import time

from django.conf import settings

from masthead.pagecache.machine import ended_here, machine

log = logging.getLogger(__name__)

HEARTBEAT = 1.0  # seconds between the records of a process with nothing new to record
LIVE = 3.5  # seconds since its last record for a process to count as live (the default)
FORGET = 600.0  # records older than this are deleted
POLL = 0.02  # seconds between looks while waiting


def process_name() -> str:
    """This process, as it signs its records: its machine, pid and a random suffix."""
    return f"{machine()}:{os.getpid()}:{secrets.token_hex(3)}"


def lagging(bus, seq: int, now: float | None = None) -> dict[str, int]:
    """The live processes that have not applied invalidation `seq`, with where they are."""
    now = time.time() if now is None else now
    live = getattr(settings, "MASTHEAD_PURGE_LIVE", LIVE)
    records = bus.acks()
    gone = [process for process, (_, seen) in records.items() if now - seen > FORGET]
    if gone:
        bus.forget(gone)
    here = machine()
    return {
        process: applied
        for process, (applied, seen) in records.items()
        if now - seen <= live and applied < seq and not ended_here(process, here)
    }


def wait_until_applied(bus, seq: int, timeout: float) -> dict[str, int]:
    """Wait until every live process has applied `seq`, at most `timeout` seconds; the
    processes still behind then (none: all have)."""
    deadline = time.monotonic() + timeout
    while True:
        behind = lagging(bus, seq)
        if not behind or time.monotonic() >= deadline:
            return behind
        time.sleep(POLL)


def may_purge(bus, seq: int | None, unsent: bool, timeout: float) -> bool:
    """Whether to purge now, after waiting for the processes to apply `seq`.

    `unsent`: the bus could not take the invalidation. If it still cannot be reached, every
    server process has lost it too and serves nothing from its caches, so Varnish may refetch
    at once; if it can, the relay sends the invalidation and a purge that waits (not this one).
    """
    try:
        if unsent:
            bus.acks()
            log.info("purge: the bus is back; the relay's own purge follows")
            return False
        if seq is None:
            return True
        behind = wait_until_applied(bus, seq, timeout)
    except Exception:
        log.warning("purge: the bus cannot be read, so no process serves from its cache: purging")
        return True
    if behind:
        late = ", ".join(f"{process} (at {applied})" for process, applied in sorted(behind.items()))
        log.warning("purge: after %.1f s, not every process has applied %d: %s", timeout, seq, late)
    return True
