"""Background work (docs/tasks.md): django-tasks, with two backends.

- "default": Django's immediate backend. Wagtail's own tasks (search index, reference index)
  run in the request that causes them, so nothing a reader sees waits for a worker.
- "masthead": django-tasks-db, a table in Masthead's own database that `masthead worker` runs.
  Purges of Varnish/a CDN go there, and later work (imports, related stories) should too.

MASTHEAD_PURGE_DELAY  seconds between an invalidation reaching the bus and the purge of the
                      shared caches in front (Varnish), so that every server process has
                      applied it before Varnish refetches; default 0.4
"""

import os

TASK_BACKEND = "masthead"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    TASK_BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Server processes poll the invalidation log every 0.1 s (Redis delivers at once): a purge sent
# later than that finds every process fresh.
MASTHEAD_PURGE_DELAY = float(os.environ.get("MASTHEAD_PURGE_DELAY", "0.4"))
