"""Background work (docs/tasks.md): django-tasks, with two backends.

- "default": Django's immediate backend. Wagtail's own tasks (search index, reference index)
  run in the request that causes them, so nothing a reader sees waits for a worker.
- "masthead": django-tasks-db, a table in Masthead's own database that `masthead worker` runs.
  Purges of Varnish/a CDN go there, and later work (imports, related stories) should too.

MASTHEAD_PURGE_WAIT   the longest (seconds) a purge of the shared caches in front (Varnish)
                      waits for every live server process to apply its invalidation
                      (pagecache/bus/acks.py); past it, the purge goes out and the laggard is
                      logged; default 5
MASTHEAD_PURGE_LIVE   seconds since its last record for a server process to count as live, so
                      that a purge waits for it; default 3.5 (each records every second)
MASTHEAD_TASK_POLL    seconds between the worker's looks at an empty task queue when no
                      notification wakes it (pagecache/wake.py); default 0.2
"""

import os

TASK_BACKEND = "masthead"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # "imports": long tasks (a WordPress import), run by a thread of their own in the worker so
    # that a purge never waits behind one (publishing/background.py).
    TASK_BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "imports"]},
}
MASTHEAD_PURGE_WAIT = float(os.environ.get("MASTHEAD_PURGE_WAIT", "5"))
MASTHEAD_PURGE_LIVE = float(os.environ.get("MASTHEAD_PURGE_LIVE", "3.5"))
MASTHEAD_TASK_POLL = float(os.environ.get("MASTHEAD_TASK_POLL", "0.2"))
