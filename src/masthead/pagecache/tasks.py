"""Background tasks of the page cache, run by `masthead worker` (docs/tasks.md)."""

from django.conf import settings
from django_tasks import task

from masthead.pagecache import crashpoints, purge, runtime, trace
from masthead.pagecache.bus import acks


@task(backend=settings.TASK_BACKEND)
def purge_tags(tags: list[str], seq: int | None = None, unsent: bool = False) -> None:
    """Purge Varnish (or a CDN) of every response tagged with one of `tags`, once every live
    server process has applied invalidation `seq` (pagecache/bus/acks.py). `unsent`: the bus
    could not take the invalidation (purged only while it stays unreachable)."""
    crashpoints.reached(crashpoints.PURGING)
    trace.step("purge_started", seq)
    if acks.may_purge(runtime.get().bus, seq, unsent, settings.MASTHEAD_PURGE_WAIT):
        trace.step("purge_cleared", seq)
        purge.purge(tags)
        trace.step("purged", seq)
