"""Invalidations through the database: a log table that each process polls off the hot path."""

import logging
import time
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.db import close_old_connections, connection, transaction
from django.utils import timezone

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
            time.sleep(self.poll_interval)
