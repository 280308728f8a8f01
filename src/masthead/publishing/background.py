"""What `masthead worker` runs beside the scheduler, each in a thread of its own:

- the background tasks of the "masthead" task backend (django-tasks-db's worker runs each), such
  as the purges of Varnish (docs/tasks.md): the loop looks for them as soon as a task is
  enqueued (pagecache/wake.py: a PostgreSQL NOTIFY or a Redis message when the enqueuing
  transaction commits), and every `MASTHEAD_TASK_POLL` seconds in case one was missed;
- the long tasks of the "imports" queue (a WordPress import, which may run for an hour) in a
  thread of their own, so that a purge never waits behind one;
- the page cache's outbox relay, which sends invalidations that the process making the change
  could not (it died, or the bus failed) within a second.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as TaskWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from masthead.pagecache import wake

log = logging.getLogger(__name__)

RELAY_INTERVAL = 0.2
# Rows younger than this are left to the process that wrote them (it relays them as it commits).
RELAY_AFTER = 0.5
# Tasks that are safe to run twice, and how long one may run before its worker is taken for
# dead (killed, crashed) and the task is run again: a purge takes at most a few seconds.
RERUNNABLE = {"masthead.pagecache.tasks.purge_tags": timedelta(seconds=60)}
REQUEUE_EVERY = 10.0  # seconds between looks for them
# The queue of the long tasks, run by a thread of their own (settings/tasks.py).
LONG_QUEUE = "imports"


def wake_worker(sender, task_result, **kwargs) -> None:
    """A task was enqueued (task_enqueued signal): wake the workers when it commits."""
    if task_result.backend == settings.TASK_BACKEND:
        wake.notify(wake.TASKS)


def requeue_abandoned(now=None) -> int:
    """Put back in the queue the rerunnable tasks whose worker died while running them
    (django-tasks-db leaves them marked running for good); how many."""
    now = now or timezone.now()
    requeued = 0
    for path, longest in RERUNNABLE.items():
        requeued += DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, task_path=path, started_at__lt=now - longest
        ).update(status=TaskResultStatus.READY, started_at=None)
    if requeued:
        log.warning("background tasks: %d task(s) abandoned by a dead worker run again", requeued)
    return requeued


class Background:
    def __init__(self) -> None:
        self.stopped = threading.Event()
        self.tasks = TaskWorker(
            queue_names=["*"],
            interval=settings.MASTHEAD_TASK_POLL,
            batch=False,
            backend_name=settings.TASK_BACKEND,
            startup_delay=False,
            max_tasks=None,
            worker_id=f"masthead-{uuid.uuid4().hex[:12]}",
        )
        self.waiter = wake.Waiter([wake.TASKS])
        self.threads = [
            threading.Thread(target=self._run_tasks, name="masthead-tasks"),
            threading.Thread(target=self._run_tasks, args=(True,), name="masthead-long-tasks"),
            threading.Thread(target=self._relay, name="masthead-relay"),
        ]

    def start(self) -> None:
        self.waiter.start()
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.tasks.running = False
        self.waiter.stop()
        self.waiter.wake_all()
        for thread in self.threads:
            thread.join(timeout=30)

    def run_once(self) -> None:
        """One round of each, for `masthead worker --once` (cron): the outbox, then every task
        that is due."""
        from masthead.pagecache.invalidation import relay

        relay()
        requeue_abandoned()
        if connection.in_atomic_block:
            return  # (tests run passes inside their transaction; the task loop needs its own)
        self.tasks.batch = True
        self.tasks.run()

    def next_task(self, long: bool = False) -> DBTaskResult | None:
        """The next task due, claimed for this worker (django-tasks-db's worker loop, with a
        plain read first: on SQLite its claim takes the write lock, which a look at an empty
        queue several times a second must not); `long`: of the long tasks' queue, else of the
        others."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.tasks.backend_name)
        if long:
            tasks = tasks.filter(queue_name=LONG_QUEUE)
        else:
            tasks = tasks.exclude(queue_name=LONG_QUEUE)
        if not tasks.exists():
            return None
        with exclusive_transaction(tasks.db):
            try:
                found = tasks.get_locked()
            except OperationalError as error:
                if "is locked" in str(error):
                    return None  # (SQLite busy: the next look)
                raise
            if found is not None:
                found.claim(self.tasks.worker_id)
        return found

    def _run_tasks(self, long: bool = False) -> None:
        while not self.stopped.is_set():
            try:
                found = self.next_task(long)
                if found is not None:
                    self.tasks.run_task(found)
                    continue
                close_old_connections()
                self.waiter.wait(wake.TASKS, settings.MASTHEAD_TASK_POLL)
            except Exception:
                log.exception("background tasks: the task loop failed; starting again")
                _drop_connection()
                self.stopped.wait(1.0)
        connection.close()

    def _relay(self) -> None:
        from masthead.pagecache.invalidation import relay

        looked = 0.0
        while not self.stopped.wait(RELAY_INTERVAL):
            try:
                relay(older_than=RELAY_AFTER)
                if time.monotonic() - looked > REQUEUE_EVERY:
                    looked = time.monotonic()
                    requeue_abandoned()
            except Exception:
                log.warning("page cache: relaying the outbox failed; trying again", exc_info=True)
                _drop_connection()
        connection.close()


def _drop_connection() -> None:
    close_old_connections()
    connection.close()
