"""A search can never take the site down: a few at a time per process, each within a time limit.

`search_slot()` admits at most MASTHEAD_SEARCH_CONCURRENCY searches at once in this process
(waiting up to WAIT_SECONDS for a slot); `time_limit()` stops the query after
MASTHEAD_SEARCH_TIME_LIMIT_MS (PostgreSQL: `statement_timeout` for the search's transaction;
SQLite: a progress handler that interrupts the statement). Either way the search raises
`SearchUnavailable`, which the page answers with a quick 503 and `Retry-After`.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection, transaction

WAIT_SECONDS = 0.1  # for a free slot, before answering 503
SQLITE_CHECK_EVERY = 1000  # virtual machine instructions between looks at the clock


class SearchUnavailable(Exception):
    """Too many searches at once, or this one took too long."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "busy" or "slow"


_lock = threading.Lock()
_slots: tuple[int, threading.BoundedSemaphore] | None = None


def slots() -> threading.BoundedSemaphore:
    """This process's slots, sized by the setting (made again if the setting changes)."""
    global _slots
    size = max(1, int(settings.MASTHEAD_SEARCH_CONCURRENCY))
    with _lock:
        if _slots is None or _slots[0] != size:
            _slots = (size, threading.BoundedSemaphore(size))
        return _slots[1]


@contextmanager
def search_slot():
    semaphore = slots()
    if not semaphore.acquire(timeout=WAIT_SECONDS):
        raise SearchUnavailable("busy")
    try:
        yield
    finally:
        semaphore.release()


@contextmanager
def time_limit(milliseconds: int | None = None):
    """The statements run inside stop after `milliseconds` (the setting by default)."""
    if milliseconds is None:
        milliseconds = int(settings.MASTHEAD_SEARCH_TIME_LIMIT_MS)
    limited = _postgresql_limit if connection.vendor == "postgresql" else _sqlite_limit
    try:
        with limited(milliseconds):
            yield
    except OperationalError as error:
        if _was_stopped(error):
            raise SearchUnavailable("slow") from error
        raise


def _was_stopped(error: OperationalError) -> bool:
    cause = getattr(error, "__cause__", None)
    name = type(cause).__name__
    return name == "QueryCanceled" or "interrupted" in str(error)


@contextmanager
def _postgresql_limit(milliseconds: int):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(milliseconds)])
        yield


@contextmanager
def _sqlite_limit(milliseconds: int):
    connection.ensure_connection()
    raw = connection.connection
    deadline = time.monotonic() + milliseconds / 1000

    def past_deadline() -> int:
        return 1 if time.monotonic() > deadline else 0

    raw.set_progress_handler(past_deadline, SQLITE_CHECK_EVERY)
    try:
        yield
    finally:
        raw.set_progress_handler(None, SQLITE_CHECK_EVERY)
