"""pagecache/wake.py in one process: a Redis message wakes a waiter as the transaction commits,
not before and not at its poll, and never for a rollback; where no notification can arrive
(SQLite, no Redis) the waiter polls every `ALONE` seconds. (PostgreSQL's NOTIFY, which a test's
transaction would never commit, is proven with real processes in test_wake.py.)"""

import time
import uuid

import pytest
from django.db import connection, transaction

from masthead.pagecache import wake

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/1"
LONG_POLL = 300.0


def listening(waiter: wake.Waiter) -> wake.Waiter:
    waiter.start()
    assert waiter.listening.wait(10), "the waiter never listened"
    waiter.wait(wake.TASKS, 0.5)  # the wake-up every waiter gives itself as it starts listening
    return waiter


def check_woken_on_commit(waiter: wake.Waiter, commits) -> None:
    event = waiter.events[wake.TASKS]
    try:
        with commits(execute=True), transaction.atomic():
            wake.notify(wake.TASKS)
            time.sleep(0.5)
            assert not event.is_set(), "woken before the commit"
        started = time.monotonic()
        assert waiter.wait(wake.TASKS, LONG_POLL), "not woken"
        assert time.monotonic() - started < 5
        with commits(execute=True), transaction.atomic():
            wake.notify(wake.TASKS)
            transaction.set_rollback(True)
        assert not waiter.wait(wake.TASKS, 0.5), "woken by a transaction that rolled back"
    finally:
        waiter.stop()


def test_a_redis_message_wakes_the_waiter_when_the_transaction_commits(
    settings, django_capture_on_commit_callbacks
):
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the notification is its NOTIFY (the next test)")
    settings.REDIS_URL = REDIS_URL
    settings.MASTHEAD_CACHE_PREFIX = f"wake-{uuid.uuid4().hex[:8]}"
    waiter = listening(wake.Waiter([wake.TASKS]))
    assert waiter.how == "redis"
    check_woken_on_commit(waiter, django_capture_on_commit_callbacks)


def test_without_a_way_to_notify_the_waiter_polls_often(settings):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite only")
    settings.REDIS_URL = ""
    waiter = wake.Waiter([wake.TASKS]).start()
    assert waiter.how == ""
    assert waiter.interval(0.2) == wake.ALONE
    started = time.monotonic()
    assert not waiter.wait(wake.TASKS, LONG_POLL)
    assert time.monotonic() - started < 1
