"""Varnish is purged once every live server process has applied the change (issue 10, deliver 3):
a real `masthead serve` that has not applied it holds the purge back; one that died does not.

The purge goes to a stand-in for Varnish that records each PURGE (test_purge.py's Recorder),
sent by a real `masthead worker`; the change is published from a process of its own.
"""

import os
import signal
import sqlite3
import time
from contextlib import closing, suppress
from pathlib import Path

import pytest

from tests.homes import copy_home
from tests.pagecache.test_processes import STORY, Server, fetch, publish_new_standfirst
from tests.pagecache.test_purge import Recorder
from tests.publishing.processes import Newsroom

pytestmark = pytest.mark.process


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, demo_home_template) -> Newsroom:
    return Newsroom(copy_home(demo_home_template, tmp_path_factory.mktemp("purge-acks")))


def query(room: Newsroom, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(room.home / "masthead.sqlite3", timeout=20)) as connection:
        return connection.execute(sql).fetchall()


def descendants(pid: int) -> list[int]:
    """`masthead serve` and the granian processes under it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        found.append(queue.pop())
        queue.extend(children.get(found[-1], []))
    return found


def signal_all(server: Server, signum: int) -> None:
    for pid in descendants(server.process.pid):
        with suppress(ProcessLookupError):
            os.kill(pid, signum)


def wait(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, what
        time.sleep(0.05)
    return found


def serving_and_recorded(room: Newsroom) -> Server:
    """A server that has cached the story and recorded where its listener stands."""
    before = {row[0] for row in query(room, "SELECT process FROM pagecache_processack")}
    server = Server(room, f"acks-{time.monotonic_ns()}", {})
    server.warm(STORY)
    wait(
        lambda: (
            {row[0] for row in query(room, "SELECT process FROM pagecache_processack")} - before
        ),
        30,
        "the server never recorded what it applied",
    )
    return server


def purge_env(varnish: Recorder, **extra) -> dict:
    return {"MASTHEAD_VARNISH_URLS": varnish.url, **extra}


def test_no_purge_is_sent_while_a_live_process_has_not_applied_the_change(newsroom, varnish):
    """A fixed delay (0.4 s) purged while the server was still behind: Varnish could fetch the
    old page again from it. Now the purge waits for its record."""
    server = serving_and_recorded(newsroom)
    env = purge_env(varnish, MASTHEAD_PURGE_LIVE="120", MASTHEAD_PURGE_WAIT="120")
    try:
        worker = newsroom.start_worker("acks-worker", env=env)
        worker.wait_for_line("running background tasks")
        signal_all(server, signal.SIGSTOP)  # alive (its record is fresh) but applying nothing
        standfirst = publish_new_standfirst(newsroom, env)
        running = "SELECT id FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING'"
        took = lambda: query(newsroom, running) or varnish.received  # noqa: E731
        wait(took, 30, "the worker never took the purge")
        time.sleep(1.0)  # well past the fixed delay the purge used to wait
        assert varnish.received == [], "purged while a server had not applied the change"
        resumed = time.monotonic()
        signal_all(server, signal.SIGCONT)
        wait(lambda: varnish.received, 30, "no purge after the server applied the change")
        assert time.monotonic() - resumed < 10  # its record, not the 120 s timeout
        assert standfirst in fetch(server.port, STORY)[1]
        assert "not every process has applied" not in worker.errors()
    finally:
        signal_all(server, signal.SIGCONT)
        newsroom.stop_workers()
        server.stop()


def test_a_dead_server_process_does_not_hold_purges_back(newsroom, varnish):
    server = serving_and_recorded(newsroom)
    signal_all(server, signal.SIGKILL)
    server.process.wait(timeout=30)
    env = purge_env(varnish, MASTHEAD_PURGE_LIVE="2", MASTHEAD_PURGE_WAIT="120")
    try:
        worker = newsroom.start_worker("acks-dead-worker", env=env)
        worker.wait_for_line("running background tasks")
        published = time.monotonic()
        publish_new_standfirst(newsroom, env)
        wait(lambda: varnish.received, 60, "a dead server held the purge back")
        assert time.monotonic() - published < 60  # not the 120 s timeout
        assert "not every process has applied" not in worker.errors()
        assert any("page-" in keys for keys in varnish.received)
    finally:
        newsroom.stop_workers()
