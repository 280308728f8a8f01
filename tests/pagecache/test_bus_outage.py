"""A server process cut off from its invalidation bus serves nothing from its caches (found by
the soak: with Redis stopped for 5 s, a changed story stayed stale for the whole outage).

A Redis server of the test's own, on a free port, is stopped and started again under a real
`masthead serve`; the change is published from a process of its own meanwhile.
"""

import sqlite3
import subprocess
import time
import uuid
from contextlib import closing

import pytest
import redis

from tests.homes import copy_home
from tests.pagecache.test_processes import STORY, Server, fetch, free_port, publish_new_standfirst
from tests.publishing.processes import Newsroom

pytestmark = pytest.mark.process


class OwnRedis:
    """redis-server on a free loopback port, nothing saved, stopped and started at will."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                redis.Redis(port=self.port, socket_timeout=1).ping()
                return
            except redis.RedisError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path)
    try:
        server.start()
    except FileNotFoundError:
        pytest.skip("redis-server is not installed")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, demo_home_template) -> Newsroom:
    return Newsroom(copy_home(demo_home_template, tmp_path_factory.mktemp("bus-outage")))


def pending(room: Newsroom) -> int:
    with closing(sqlite3.connect(room.home / "masthead.sqlite3", timeout=20)) as connection:
        rows = connection.execute("SELECT COUNT(*) FROM pagecache_pendinginvalidation")
        return rows.fetchone()[0]


def test_a_server_cut_off_from_redis_serves_the_change_at_once(newsroom, own_redis):
    env = {"REDIS_URL": own_redis.url, "MASTHEAD_CACHE_PREFIX": f"test-{uuid.uuid4().hex}"}
    server = Server(newsroom, "redis-outage", env)
    try:
        server.warm(STORY)
        own_redis.stop()
        standfirst = publish_new_standfirst(newsroom, env)  # the bus cannot take it
        assert pending(newsroom) == 1
        published = time.monotonic()
        while standfirst not in (reply := fetch(server.port, STORY))[1]:
            assert time.monotonic() - published < 3, "the server served its cached old page"
            time.sleep(0.02)
        assert reply[0] != "hit"  # rendered from the database
        assert fetch(server.port, STORY)[0] != "hit"  # and not kept while the bus is away

        own_redis.start()
        server.warm(STORY)  # back on the bus: cached again
        deadline = time.monotonic() + 10
        while pending(newsroom):
            assert time.monotonic() < deadline, "the outbox was not relayed after Redis returned"
            time.sleep(0.05)
        assert standfirst in fetch(server.port, STORY)[1]
    finally:
        server.stop()
