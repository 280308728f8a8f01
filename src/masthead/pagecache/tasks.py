"""Background tasks of the page cache, run by `masthead worker` (docs/tasks.md)."""

from django.conf import settings
from django_tasks import task

from masthead.pagecache import crashpoints, purge


@task(backend=settings.TASK_BACKEND)
def purge_tags(tags: list[str]) -> None:
    """Purge Varnish (or a CDN) of every response tagged with one of `tags`."""
    crashpoints.reached(crashpoints.PURGING)
    purge.purge(tags)
