"""What `masthead worker` runs beside the scheduler, each in a thread of its own:

- the background tasks of the "masthead" task backend (django-tasks-db's own worker loop), such
  as the purges of Varnish (docs/tasks.md);
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
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker as TaskWorker
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)

TASK_INTERVAL = 0.2  # seconds between looks at an empty task queue
RELAY_INTERVAL = 0.2
# Rows younger than this are left to the process that wrote them (it relays them as it commits).
RELAY_AFTER = 0.5
# Tasks that are safe to run twice, and how long one may run before its worker is taken for
# dead (killed, crashed) and the task is run again: a purge takes at most a few seconds.
RERUNNABLE = {"masthead.pagecache.tasks.purge_tags": timedelta(seconds=60)}
REQUEUE_EVERY = 10.0  # seconds between looks for them


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
            interval=TASK_INTERVAL,
            batch=False,
            backend_name=settings.TASK_BACKEND,
            startup_delay=False,
            max_tasks=None,
            worker_id=f"masthead-{uuid.uuid4().hex[:12]}",
        )
        self.threads = [
            threading.Thread(target=self._run_tasks, name="masthead-tasks"),
            threading.Thread(target=self._relay, name="masthead-relay"),
        ]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.tasks.running = False
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

    def _run_tasks(self) -> None:
        while not self.stopped.is_set():
            try:
                self.tasks.run()
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
