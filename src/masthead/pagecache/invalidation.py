"""Sending invalidations: once the change has committed, number it on the bus (every server
process applies it within its poll interval), apply it here at once, and purge the same tags
from Varnish or a CDN where one is configured."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from masthead.pagecache import purge, runtime

log = logging.getLogger(__name__)

_pending = threading.local()


def invalidate(tags: Iterable[str]) -> None:
    """Invalidate every cached response that recorded one of `tags`, when the current
    transaction commits (at once outside a transaction, or in tests)."""
    tags = set(tags)
    if not tags:
        return
    if settings.MASTHEAD_PAGE_CACHE["IMMEDIATE"]:
        send(tags)
        return
    pending = getattr(_pending, "tags", None)
    if pending is None:
        pending = _pending.tags = set()
    pending |= tags
    # One callback per call, each sending whatever is pending: after a rollback the pending
    # tags go out with the next commit (too much invalidated, never too little).
    transaction.on_commit(_flush)


def _flush() -> None:
    tags = getattr(_pending, "tags", None)
    if tags:
        _pending.tags = set()
        send(tags)


def send(tags: set[str]) -> None:
    cache = runtime.get()
    try:
        seq = cache.bus.publish(tags)
    except Exception:
        log.exception("page cache: could not publish the invalidation of %s", sorted(tags))
    else:
        cache.apply_local(seq, tags)
    if getattr(settings, "MASTHEAD_PURGE_BACKENDS", None):
        purge.purge(tags)
        # A shared cache purged now may refetch the page from a server process that has not yet
        # heard of the change (it polls every fraction of a second) and keep the old bytes: a
        # second purge, once every process has heard, removes those. Not a daemon thread, so a
        # short-lived command waits for it before exiting.
        timer = threading.Timer(REPURGE_AFTER, purge.purge, args=(tags,))
        timer.start()


REPURGE_AFTER = 1.5  # seconds: longer than any server process takes to apply an invalidation
