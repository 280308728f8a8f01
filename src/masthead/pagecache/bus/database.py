"""Invalidations through the database: a log table that each process reads off the hot path,
as soon as it is told of a new row (PostgreSQL: a NOTIFY sent in the publishing transaction,
pagecache/wake.py) and every `poll_interval` seconds in any case (on SQLite, which has no
notification, every `wake.ALONE` seconds)."""

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from masthead.pagecache import wake

log = logging.getLogger(__name__)

KEEP = timedelta(hours=1)


class DatabaseBus:
    def __init__(self, poll_interval: float = 0.1):
        self.poll_interval = poll_interval

    def publish(self, tags: Iterable[str]) -> int:
        from masthead.pagecache.models import Invalidation, InvalidationCounter

        with transaction.atomic():
            counter, _ = InvalidationCounter.objects.select_for_update().get_or_create(pk=1)
            counter.value += 1
            counter.save(update_fields=["value"])
            Invalidation.objects.create(seq=counter.value, tags=" ".join(sorted(tags)))
            if counter.value % 500 == 0:
                Invalidation.objects.filter(created_at__lt=timezone.now() - KEEP).delete()
            wake.notify(wake.INVALIDATIONS)  # PostgreSQL: delivered as this commits
        return counter.value

    def ack(self, process: str, seq: int) -> None:
        from masthead.pagecache.models import ProcessAck

        now = timezone.now()
        if not ProcessAck.objects.filter(process=process).update(seq=seq, seen_at=now):
            ProcessAck.objects.bulk_create(
                [ProcessAck(process=process, seq=seq, seen_at=now)], ignore_conflicts=True
            )

    def acks(self) -> dict[str, tuple[int, float]]:
        from masthead.pagecache.models import ProcessAck

        rows = ProcessAck.objects.values_list("process", "seq", "seen_at")
        return {process: (seq, seen.timestamp()) for process, seq, seen in rows}

    def forget(self, processes: Iterable[str]) -> None:
        from masthead.pagecache.models import ProcessAck

        ProcessAck.objects.filter(process__in=list(processes)).delete()

    def current(self) -> int:
        from masthead.pagecache.models import InvalidationCounter

        return InvalidationCounter.objects.filter(pk=1).values_list("value", flat=True).first() or 0

    def listen(
        self,
        on_start: Callable[[int], None],
        on_invalidation: Callable[[int, list[str]], None],
        stopped: Callable[[], bool],
        on_lost: Callable[[], None] = lambda: None,
    ) -> None:
        waiter = wake.Waiter([wake.INVALIDATIONS]).start()
        try:
            self._poll(waiter, on_start, on_invalidation, stopped, on_lost)
        finally:
            waiter.stop()

    def _poll(self, waiter, on_start, on_invalidation, stopped, on_lost) -> None:
        from masthead.pagecache.models import Invalidation

        last = None
        while not stopped():
            try:
                if last is None:
                    last = self.current()
                    on_start(last)
                rows = Invalidation.objects.filter(seq__gt=last).values_list("seq", "tags")
                for seq, tags in rows:
                    on_invalidation(seq, tags.split())
                    last = seq
            except Exception:
                log.exception("page cache: polling the invalidation log failed; starting over")
                on_lost()
                last = None
                close_old_connections()
                connection.close()
            waiter.wait(wake.INVALIDATIONS, self.poll_interval)
