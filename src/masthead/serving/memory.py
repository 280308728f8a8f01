"""A server worker's memory: what glibc keeps of what the process has freed goes back to the
system now and then (docs/deployment.md, "Memory").

A render allocates and frees many megabytes (the rows, the blocks, the page's text); glibc's
allocator keeps the freed memory of its heaps for the next allocation, and gives back only
what is at the top of a heap, so the pages freed in the middle stay resident. `malloc_trim(0)`
returns every whole free page of every heap (arena) to the system. A thread of each worker
calls it every `TRIM_INTERVAL` seconds; it costs about a millisecond. Elsewhere than glibc
(musl, macOS) there is no such call and nothing is done. `MASTHEAD_MALLOC_TRIM=0` turns it off.

A worker on SQLite does not load the PostgreSQL driver (`without_postgres_driver`).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

TRIM_INTERVAL = 10.0  # seconds


def _malloc_trim():
    """glibc's malloc_trim, or None where the C library has none."""
    try:
        function = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    return function


def start_trimming(interval: float = TRIM_INTERVAL) -> threading.Thread | None:
    """Start this process's trimming thread; None where there is nothing to call, or when
    `MASTHEAD_MALLOC_TRIM=0`."""
    if os.environ.get("MASTHEAD_MALLOC_TRIM", "1").strip() == "0":
        return None
    trim = _malloc_trim()
    if trim is None:
        return None
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval):
            trim(0)

    thread = threading.Thread(target=loop, name="malloc-trim", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]  (for tests)
    thread.start()
    return thread


POSTGRES_DRIVERS = ("psycopg", "psycopg2")


def without_postgres_driver() -> bool:
    """When no database is PostgreSQL, make its driver unimportable in this process; True if so.

    Django REST framework, which Wagtail's admin API loads at start, probes for
    `django.contrib.postgres` (and so psycopg, libpq and their own OpenSSL): some 9 MB of a
    server worker that only a PostgreSQL database uses. A module that is None in sys.modules
    raises ImportError on import, which the probe expects when psycopg is not installed.
    """
    from django.conf import settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    if any("postgresql" in database["ENGINE"] for database in settings.DATABASES.values()):
        return False
    for name in POSTGRES_DRIVERS:
        sys.modules.setdefault(name, None)
    return True
