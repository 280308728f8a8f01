"""Sending invalidations, so that none is ever lost (docs/page-cache.md):

1. `invalidate(tags)` writes an outbox row (`PendingInvalidation`) in the transaction of the
   change itself: both commit, or neither.
2. `relay()` moves outbox rows to the bus in one transaction that deletes them: every server
   process applies them within its poll interval. It runs when the change commits, and again in
   `masthead worker` and in every server process, so rows left by a process that died (or by a
   bus that failed) go out within a second.
3. The relay enqueues a purge of the same tags (a django-tasks task run by `masthead worker`),
   which waits until every live server process has applied the invalidation (bus/acks.py), so
   that Varnish cannot refetch the old page from a process that has not heard yet; the
   editor's request never waits on Varnish. When the bus cannot take the invalidation, the
   relay after the commit enqueues a purge that goes out only while the bus stays unreachable
   (then no process serves from its cache).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from masthead.pagecache import crashpoints, runtime, trace
from masthead.pagecache.models import PendingInvalidation

log = logging.getLogger(__name__)

BATCH = 200


def invalidate(tags: Iterable[str]) -> None:
    """Invalidate every cached response that recorded one of `tags` once the current
    transaction commits (at once outside a transaction)."""
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    PendingInvalidation.objects.create(tags=" ".join(sorted(tags)))
    if settings.MASTHEAD_PAGE_CACHE["IMMEDIATE"]:
        _relay_now()  # tests: their transaction never commits
        return
    transaction.on_commit(_relay_after_commit, robust=True)


class Unsent(Exception):
    """The bus did not take these tags."""

    def __init__(self, tags: set[str]):
        super().__init__(f"the bus did not take {len(tags)} tag(s)")
        self.tags = tags


def _relay_after_commit() -> None:
    crashpoints.reached(crashpoints.COMMITTED)
    trace.step("committed", None)
    _relay_now()


def _relay_now() -> None:
    try:
        relay()
    except Unsent as unsent:
        _enqueue_purge(unsent.tags, None, unsent=True)
        log.warning("page cache: the bus failed; the outbox keeps it", exc_info=True)
    except Exception:
        # Kept in the outbox: the worker or a server process sends it within a second.
        log.warning("page cache: relaying failed; the outbox keeps it", exc_info=True)


def relay(older_than: float = 0.0) -> int:
    """Hand pending invalidations to the bus; the number of rows relayed."""
    pending = PendingInvalidation.objects.all()
    if older_than:
        pending = pending.filter(created_at__lt=timezone.now() - timedelta(seconds=older_than))
    if not pending.exists():
        return 0
    cache = runtime.get()
    with transaction.atomic():
        # One relay at a time takes a row (PostgreSQL: row locks; SQLite: the write lock).
        rows = list(pending.select_for_update(skip_locked=True).values_list("pk", "tags")[:BATCH])
        if not rows:
            return 0
        tags = set().union(*(row_tags.split() for _, row_tags in rows))
        try:
            seq = cache.bus.publish(tags)
        except Exception as error:
            raise Unsent(tags) from error
        crashpoints.reached(crashpoints.PUBLISHED)
        PendingInvalidation.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
        _enqueue_purge(tags, seq)
    crashpoints.reached(crashpoints.RELAYED)
    trace.step("relayed", seq, rows=len(rows))
    cache.apply_local(seq, tags)
    return len(rows)


def _enqueue_purge(tags: set[str], seq: int | None, unsent: bool = False) -> None:
    if not getattr(settings, "MASTHEAD_PURGE_BACKENDS", None):
        return
    from masthead.pagecache.tasks import purge_tags

    purge_tags.enqueue(sorted(tags), seq, unsent)
