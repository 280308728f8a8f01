"""The scheduler's lock: one holder at a time; taken over after expiry; an advisory lock on
PostgreSQL for each pass."""

from datetime import timedelta

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from masthead.publishing.locks import LeaseLock, PostgresLeaseLock, scheduler_lock
from masthead.publishing.models import WorkerLease
from tests.publishing.processes import NOT_POSTGRES

pytestmark = pytest.mark.django_db

TTL = timedelta(seconds=10)


def test_the_second_lock_cannot_take_the_lease_while_the_first_holds_it():
    first, second = LeaseLock(ttl=TTL), LeaseLock(ttl=TTL)
    now = timezone.now()
    assert first.acquire(now)
    assert not second.acquire(now)
    assert not second.acquire(now + timedelta(seconds=9))
    assert first.acquire(now + timedelta(seconds=5))  # renewed: held until now + 15 s
    assert not second.acquire(now + timedelta(seconds=14))
    assert WorkerLease.objects.get(name=first.name).holder == first.holder


def test_the_second_lock_takes_an_expired_lease():
    first, second = LeaseLock(ttl=TTL), LeaseLock(ttl=TTL)
    now = timezone.now()
    assert first.acquire(now)
    assert second.acquire(now + TTL + timedelta(seconds=1))
    assert not first.acquire(now + TTL + timedelta(seconds=2))  # a stalled worker has lost it
    assert not first.keep_alive(now + TTL + timedelta(seconds=2))
    first.release()  # not its lease any more: nothing changes
    assert WorkerLease.objects.get(name=first.name).holder == second.holder


def test_a_released_lease_is_free_at_once_and_keeps_the_last_run():
    first, second = LeaseLock(ttl=TTL), LeaseLock(ttl=TTL)
    now = timezone.now()
    assert first.acquire(now)
    first.mark_run(now)
    first.release()
    lease = WorkerLease.objects.get(name=first.name)
    assert (lease.holder, lease.expires_at, lease.last_run_at) == ("", None, now)
    assert second.acquire(now)


def test_each_lock_has_its_own_name_and_leases_are_per_job():
    assert LeaseLock().holder != LeaseLock().holder
    assert LeaseLock(name="one").acquire()
    assert LeaseLock(name="two").acquire()


def other_connection():
    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    )


def try_advisory_lock(key: int) -> bool:
    with other_connection() as other:
        taken = other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]
        if taken:
            other.execute("SELECT pg_advisory_unlock(%s)", [key])
        return taken


@pytest.mark.skipif(connection.vendor != "postgresql", reason=NOT_POSTGRES)
def test_on_postgresql_a_pass_holds_an_advisory_lock():
    lock = scheduler_lock()
    assert isinstance(lock, PostgresLeaseLock)
    with lock.pass_lock() as locked:
        assert locked
        assert not try_advisory_lock(lock.key)  # another worker's connection cannot take it
    assert try_advisory_lock(lock.key)  # released at the end of the pass


def a_dead_pid() -> int:
    """A process id no process has: one above the kernel's largest."""
    from pathlib import Path

    return int(Path("/proc/sys/kernel/pid_max").read_text()) + 1


def held_by(holder: str) -> None:
    """The lease, taken by `holder` just now (whoever held it before)."""
    WorkerLease.objects.all().delete()
    assert LeaseLock(holder=holder, ttl=TTL).acquire()


def test_a_lease_whose_holder_died_on_this_machine_is_taken_at_once():
    """A worker restarted 2 s after a kill -9 used to wait out the lease (10 s) before running
    what was due; it takes a dead process's lease at once."""
    import os

    from masthead.pagecache.machine import machine

    host = machine()
    held_by(f"{host}:{a_dead_pid()}:abc123")
    assert LeaseLock(ttl=TTL).acquire()
    # This very process before a restart (a container's pid 1 comes back as pid 1).
    held_by(f"{host}:{os.getpid()}:old111")
    assert LeaseLock(ttl=TTL).acquire()


def test_a_lease_held_by_a_live_process_or_another_machine_is_respected():
    import os

    from masthead.pagecache.machine import machine

    held_by(f"{machine()}:{os.getppid()}:live11")
    assert not LeaseLock(ttl=TTL).acquire()
    held_by(f"elsewhere.example:{a_dead_pid()}:far111")
    assert not LeaseLock(ttl=TTL).acquire()
