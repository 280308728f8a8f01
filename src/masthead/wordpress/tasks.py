"""The WordPress import as a background task, run by `masthead worker` (docs/tasks.md)."""

from django.conf import settings
from django_tasks import task


@task(backend=settings.TASK_BACKEND, queue_name="imports")
def import_run(run_id: int) -> str:
    """Import the export of `ImportRun` `run_id` (admin: Import from WordPress)."""
    from masthead.wordpress.running import execute

    return execute(run_id)
