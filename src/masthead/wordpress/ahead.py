"""Reading the export ahead of the writes, in a thread of its own.

An import spends much of its time waiting for the database to write a batch. Python holds no
lock while it waits, so a second thread can read the next items from the file and convert their
bodies meanwhile. That thread never touches the database (the import's transactions stay on its
own connection, in the same order as before): a query from it raises, and the item is then
prepared on the import's own thread, as without this module.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from django.db import connections

T = TypeVar("T")

CHUNK = 25  # items handed over at a time: fewer switches between the two threads
_END = object()


class QueryInReader(RuntimeError):
    """The reading thread tried to query the database."""


def read_ahead(
    records: Iterable[T], prepare: Callable[[T], object], ahead: int
) -> Iterator[tuple[T, object]]:
    """(record, prepare(record)) for each of `records`, in order, read and prepared in a thread
    up to some `ahead` records before the caller asks for them. `prepare` returns None where it
    has nothing to do or fails: the caller then does the work itself. An error reading
    `records` is raised here, where the record would have come."""
    handed: queue.Queue = queue.Queue(maxsize=max(1, ahead // CHUNK))
    stop = threading.Event()
    thread = threading.Thread(
        target=_read, args=(records, prepare, handed, stop), name="wordpress-read", daemon=True
    )
    thread.start()
    try:
        while True:
            chunk = handed.get()
            if chunk is _END:
                return
            if isinstance(chunk, BaseException):
                raise chunk
            yield from chunk
    finally:
        stop.set()  # a reader waiting for room gives up within its next 0.1 s
        thread.join()


def _read(records, prepare, handed: queue.Queue, stop: threading.Event) -> None:
    def put(value) -> bool:
        while not stop.is_set():
            try:
                handed.put(value, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    chunk: list = []
    try:
        with connections["default"].execute_wrapper(_no_query):
            for record in records:
                chunk.append((record, _prepared(prepare, record)))
                if len(chunk) == CHUNK:
                    if not put(chunk):
                        return
                    chunk = []
        last = _END
    except BaseException as error:  # handed to the caller's thread, raised there
        last = error
    finally:
        connections.close_all()  # this thread's own (never opened: no query runs here)
    if not chunk or put(chunk):  # the records read before an error come first
        put(last)


def _prepared(prepare, record):
    try:
        return prepare(record)
    except Exception:  # noqa: BLE001 (the caller's thread does it again, and reports it)
        return None


def _no_query(execute, sql, params, many, context):
    raise QueryInReader("the export's reading thread may not query the database")
