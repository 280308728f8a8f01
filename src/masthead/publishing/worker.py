"""The scheduling worker: a loop that runs the due scheduled items about every second, under a lock,
beside the background tasks and the invalidation outbox's relay (publishing/background.py).

`masthead worker` runs it; see docs/scheduling.md. Every pass takes (or renews) the scheduler's
lease and, on PostgreSQL, an advisory lock; a worker that cannot take them stands by and tries
again on the next pass. SIGTERM and SIGINT finish the item in hand, release the lease and stop.
"""

import logging
import signal
import time
from collections.abc import Callable

from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from masthead.core.dates import in_newsroom
from masthead.publishing import scheduling
from masthead.publishing.background import Background
from masthead.publishing.locks import scheduler_lock

logger = logging.getLogger(__name__)


class Retries:
    """When to try a failed item again: after 5 s, then twice as long each time, up to 5 min."""

    def __init__(self, first: float = 5.0, longest: float = 300.0, clock=time.monotonic):
        self.first, self.longest, self.clock = first, longest, clock
        self.pending: dict[tuple, tuple[int, float]] = {}

    def waiting(self, job: scheduling.Job) -> bool:
        entry = self.pending.get(job.key)
        return entry is not None and self.clock() < entry[1]

    def record(self, outcome: scheduling.Outcome) -> float | None:
        """Note the outcome; for a failure, the seconds until the next try."""
        if outcome.status != scheduling.FAILED:
            self.pending.pop(outcome.job.key, None)
            return None
        failures = self.pending.get(outcome.job.key, (0, 0.0))[0] + 1
        delay = min(self.longest, self.first * 2 ** (failures - 1))
        self.pending[outcome.job.key] = (failures, self.clock() + delay)
        return delay


def describe(outcome: scheduling.Outcome, retry_in: float | None) -> str:
    """One log line for one item."""
    job, action = outcome.job, outcome.job.action
    due = in_newsroom(outcome.due_at).strftime("%Y-%m-%d %H:%M:%S %Z")
    if outcome.status == scheduling.SKIPPED:
        return f"skipped {action} of {job.describe()}: already handled"
    if outcome.status == scheduling.FAILED:
        retry = f"retry in {retry_in:.0f} s"
        return f"FAILED {action} of {job.describe()} due {due}: {outcome.detail}; {retry}"
    verb = "published" if action == scheduling.PUBLISH else "expired"
    late = " (LATE: recorded for the editors)" if outcome.late else ""
    seconds = outcome.lateness.total_seconds()
    return f"{verb} {job.describe()} due {due}, {seconds:.1f} s after its time{late}"


class Worker:
    def __init__(self, interval: float = 1.0, say: Callable[[str], None] = print, lock=None):
        self.interval = interval
        self.say_line = say
        self.lock = lock
        self.stopping = False  # set by the signal handler: a plain flag, safe in a handler
        self.retries = Retries()
        self.leading: bool | None = None

    def say(self, message: str) -> None:
        stamp = in_newsroom(timezone.now()).isoformat(timespec="seconds")
        self.say_line(f"{stamp} {message}")

    def stop(self, signum=None, frame=None) -> None:
        self.stopping = True

    def install_signal_handlers(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self.stop)

    def run(self, once: bool = False) -> None:
        self.lock = self.lock or scheduler_lock()
        self.say(f"worker {self.lock.holder} started: scheduled publishing every {self.interval} s")
        background = Background()
        if once:
            background.run_once()
            background = None
        else:
            background.start()
            self.say("running background tasks and the invalidation outbox")
        try:
            while not self.stopping:
                next_pass = time.monotonic() + self.interval
                self.run_pass_safely()
                if once:
                    break
                self.sleep_until(next_pass)
        finally:
            if background is not None:
                background.stop()
            self.shutdown()

    def sleep_until(self, moment: float) -> None:
        """Sleep in short steps, so that a stop signal is obeyed within a tenth of a second."""
        while not self.stopping and (left := moment - time.monotonic()) > 0:
            time.sleep(min(left, 0.1))

    def run_pass_safely(self) -> None:
        try:
            self.run_pass()
        except DatabaseError as error:
            self.say(f"database error, trying again next pass: {error}")
        except Exception:  # the loop must outlive a bug in one pass
            logger.exception("scheduled publishing pass failed")
            self.say("pass failed (traceback on stderr), trying again next pass")

    def run_pass(self) -> None:
        if not connection.in_atomic_block:  # (tests run passes inside their transaction)
            close_old_connections()  # drop a connection the database closed since the last pass
        if not self.lock.acquire():
            self.note_leading(False)
            return
        self.note_leading(True)
        with self.lock.pass_lock() as locked:
            if not locked:
                return
            scheduling.run_due(
                skip=self.retries.waiting, should_continue=self.should_continue, report=self.report
            )
        self.lock.mark_run()

    def should_continue(self) -> bool:
        return not self.stopping and self.lock.keep_alive()

    def report(self, outcome: scheduling.Outcome) -> None:
        self.say(describe(outcome, self.retries.record(outcome)))

    def note_leading(self, leading: bool) -> None:
        """Log the lease changing hands, not every pass."""
        if leading == self.leading:
            return
        self.leading = leading
        if leading:
            self.say("took the scheduler's lease: running the scheduled items")
        else:
            holder = self.lock.current_holder() or "another worker"
            self.say(f"standing by: the scheduler's lease is held by {holder}")

    def shutdown(self) -> None:
        try:
            self.lock.release()
        except DatabaseError as error:
            self.say(f"could not release the lease (it expires by itself): {error}")
        self.say("worker stopped")
