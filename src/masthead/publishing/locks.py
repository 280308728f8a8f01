"""The scheduler's lock: one worker at a time runs the scheduled jobs, on SQLite and PostgreSQL.

A lease row (`WorkerLease`) names the worker that holds the job and until when. A worker takes it
with one conditional UPDATE when it is free, expired or already its own; it renews it on every
pass and clears it on exit, so another worker takes over at once after a clean stop and within
`ttl` after a crash elsewhere; on the same machine, a worker takes the lease of a dead one at
once (its holder names a process that no longer runs: a worker restarted after a crash, or a
standby beside it, publishes what is due without waiting out the lease). On SQLite the UPDATE
runs in an IMMEDIATE transaction (the settings' mode), which serialises writers, so two workers
can never both see the lease as free.

On PostgreSQL the lease row is kept for visibility (the admin panel reads it) and, in addition,
a session advisory lock is held for the length of each pass: it does not depend on the workers'
clocks agreeing and is released by the server if the worker's connection dies.
"""

import hashlib
import os
import secrets
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from masthead.pagecache.machine import ended_here, machine
from masthead.publishing.models import WorkerLease

SCHEDULER = "scheduled-publishing"
DEFAULT_TTL = timedelta(seconds=10)


# The holder names this process made: any other name with this process's pid is a process
# that ran before a restart under the same pid.
_made_here: set[str] = set()


def new_holder() -> str:
    """A name unique to this lock object: host, process and a random suffix."""
    holder = f"{machine()}:{os.getpid()}:{secrets.token_hex(3)}"
    _made_here.add(holder)
    return holder


class LeaseLock:
    """A lease row: held by one holder until it expires; taken by a single conditional UPDATE."""

    def __init__(self, name: str = SCHEDULER, holder: str | None = None, ttl=DEFAULT_TTL):
        self.name = name
        self.holder = holder or new_holder()
        self.ttl = ttl
        self.renewed_at: datetime | None = None

    def acquire(self, now: datetime | None = None) -> bool:
        """Take (or renew) the lease if it is free, expired or ours. True if we hold it now."""
        now = now or timezone.now()
        with transaction.atomic():
            WorkerLease.objects.bulk_create([WorkerLease(name=self.name)], ignore_conflicts=True)
            free_or_ours = (
                Q(expires_at__isnull=True) | Q(expires_at__lt=now) | Q(holder=self.holder)
            )
            dead = self.dead_holder()
            if dead:
                free_or_ours |= Q(holder=dead)
            taken = (
                WorkerLease.objects.filter(free_or_ours, name=self.name).update(
                    holder=self.holder, expires_at=now + self.ttl
                )
                == 1
            )
        self.renewed_at = now if taken else None
        return taken

    def dead_holder(self) -> str | None:
        """The lease's holder if it is a process of this machine that no longer runs."""
        holder = self.current_holder()
        if holder == self.holder:
            return None
        here = machine()
        if holder.startswith(f"{here}:{os.getpid()}:"):
            # This process's own locks, or one before a restart (a container's pid 1, say).
            return None if holder in _made_here else holder
        return holder if ended_here(holder, here) else None

    def keep_alive(self, now: datetime | None = None) -> bool:
        """Renew the lease during a long pass, once a third of its time has gone. False if lost."""
        now = now or timezone.now()
        if self.renewed_at is not None and now - self.renewed_at < self.ttl / 3:
            return True
        return self.acquire(now)

    def mark_run(self, now: datetime | None = None) -> None:
        """Record a finished pass (the admin panel's "last run") and renew the lease."""
        now = now or timezone.now()
        WorkerLease.objects.filter(name=self.name, holder=self.holder).update(
            last_run_at=now, expires_at=now + self.ttl
        )
        self.renewed_at = now

    def release(self) -> None:
        WorkerLease.objects.filter(name=self.name, holder=self.holder).update(
            holder="", expires_at=None
        )
        self.renewed_at = None

    def current_holder(self) -> str:
        lease = WorkerLease.objects.filter(name=self.name).first()
        return lease.holder if lease else ""

    @contextmanager
    def pass_lock(self):
        """Held for the length of one pass: nothing more than the lease on SQLite."""
        yield True


class PostgresLeaseLock(LeaseLock):
    """The lease row, plus a session advisory lock held for each pass."""

    @property
    def key(self) -> int:
        digest = hashlib.blake2b(self.name.encode(), digest_size=8).digest()
        return int.from_bytes(digest, "big", signed=True)

    @contextmanager
    def pass_lock(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [self.key])
            locked = cursor.fetchone()[0]
        try:
            yield locked
        finally:
            if locked:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [self.key])


def scheduler_lock(name: str = SCHEDULER, holder: str | None = None, ttl=DEFAULT_TTL):
    """The lock that fits the database in use."""
    lock_class = PostgresLeaseLock if connection.vendor == "postgresql" else LeaseLock
    return lock_class(name=name, holder=holder, ttl=ttl)
