"""Waking a process as soon as there is work for it, rather than at its next poll: the server
processes' listener on the database bus (bus/database.py) and `masthead worker`'s task loop
(publishing/background.py). Docs: docs/page-cache.md, docs/tasks.md.

`notify(channel)` inside a transaction wakes every process waiting on `channel` once that
transaction commits, and never if it rolls back:

- on PostgreSQL, `NOTIFY` (`pg_notify`) in the transaction itself: PostgreSQL delivers it at the
  commit, to every session of the same database that listens;
- otherwise, with `REDIS_URL` set, a Redis `PUBLISH` right after the commit (`on_commit`);
- on SQLite without Redis (one machine, no server to carry a message), nothing is sent: the
  waiters poll every `ALONE` seconds instead, a read that SQLite answers in microseconds and
  that takes no lock (WAL), with no socket or file to clean up after a crash.

`Waiter(channels)` keeps one listening connection per process (a thread) and an event per
channel. A loop waits with its poll interval as the timeout, so a notification that is missed
(the connection lost, the listener restarting) costs at most one poll: nothing is lost, the
poll stays the guarantee and the notification only makes it early.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction

log = logging.getLogger(__name__)

TASKS = "masthead_tasks"  # a task was enqueued on the masthead backend
INVALIDATIONS = "masthead_invalidations"  # the database bus numbered an invalidation
ALONE = 0.05  # seconds between polls where no notification can arrive (SQLite, no Redis)
RETRY = 1.0  # seconds before a lost listening connection is opened again


def mode(using: str = DEFAULT_DB_ALIAS) -> str:
    """How notifications travel here: "postgresql", "redis" or "" (none: poll)."""
    if connections[using].vendor == "postgresql":
        return "postgresql"
    return "redis" if getattr(settings, "REDIS_URL", "") else ""


def notify(channel: str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Wake the waiters on `channel` when the current transaction commits (at once outside
    one). Never raises: a notification that cannot be sent leaves the waiters to their poll."""
    try:
        how = mode(using)
        if how == "postgresql":
            with connections[using].cursor() as cursor:
                cursor.execute("SELECT pg_notify(%s, '')", [channel])
        elif how == "redis":
            transaction.on_commit(lambda: _publish(channel), using=using, robust=True)
    except Exception:
        log.debug("wake: could not notify %s; the waiters poll", channel, exc_info=True)


_client = None


def _redis_channel(channel: str) -> str:
    return f"{settings.MASTHEAD_CACHE_PREFIX}:{channel}"


def _publish(channel: str) -> None:
    global _client
    import redis

    try:
        if _client is None:
            _client = redis.Redis.from_url(
                settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2
            )
        _client.publish(_redis_channel(channel), b"")
    except redis.RedisError:
        log.debug("wake: could not publish on %s; the waiters poll", channel, exc_info=True)


class Waiter:
    """The notifications this process waits for, one event per channel."""

    def __init__(self, channels: Iterable[str], using: str = DEFAULT_DB_ALIAS):
        self.using = using
        self.events = {channel: threading.Event() for channel in channels}
        self.how = mode(using)
        self.stopped = threading.Event()
        self.listening = threading.Event()  # set while a notification can arrive
        self._thread: threading.Thread | None = None

    def start(self) -> Waiter:
        if self.how and self._thread is None:
            target = self._listen_postgresql if self.how == "postgresql" else self._listen_redis
            self._thread = threading.Thread(target=self._run, args=(target,), daemon=True)
            self._thread.name = "masthead-wake"
            self._thread.start()
        return self

    def stop(self) -> None:
        self.stopped.set()

    def interval(self, poll: float) -> float:
        """The poll interval to use: `poll` where notifications wake the loop, at most
        `ALONE` where none can arrive."""
        return poll if self.how else min(poll, ALONE)

    def wait(self, channel: str, poll: float) -> bool:
        """Wait for a notification on `channel`, at most the poll interval; whether one came."""
        event = self.events[channel]
        woken = event.wait(self.interval(poll))
        event.clear()
        return woken

    def wake_all(self) -> None:
        for event in self.events.values():
            event.set()

    def _run(self, listen) -> None:
        failing = False
        while not self.stopped.is_set():
            try:
                listen()
            except Exception:
                if not failing:
                    log.warning("wake: listening failed; polling until it is back", exc_info=True)
                failing = True
            self.listening.clear()
            self.stopped.wait(RETRY)

    def _listen_postgresql(self) -> None:
        from psycopg import sql

        wrapper = connections[self.using]
        raw = wrapper.get_new_connection(wrapper.get_connection_params())
        try:
            raw.autocommit = True
            for channel in self.events:
                raw.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
            self._listening()
            while not self.stopped.is_set():
                for note in raw.notifies(timeout=1.0):
                    if note.channel in self.events:
                        self.events[note.channel].set()
        finally:
            raw.close()

    def _listen_redis(self) -> None:
        import redis

        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=5, health_check_interval=10
        )
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        channels = {_redis_channel(channel): channel for channel in self.events}
        try:
            pubsub.subscribe(*channels)
            self._listening()
            while not self.stopped.is_set():
                message = pubsub.get_message(timeout=1.0)
                if message is not None and message["type"] == "message":
                    channel = channels.get(message["channel"].decode())
                    if channel:
                        self.events[channel].set()
        finally:
            pubsub.close()
            client.close()

    def _listening(self) -> None:
        # Whatever was sent before the listening began is looked for once now.
        self.listening.set()
        self.wake_all()
