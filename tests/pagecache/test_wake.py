"""A publish wakes the processes that carry it on instead of waiting for their poll
(pagecache/wake.py): `masthead worker` purges Varnish as soon as the change commits (a PostgreSQL
NOTIFY, or a Redis message), and a server process on the PostgreSQL bus applies it at once.

Each process is given a poll of 300 s, so only the notification can explain an answer within
the test's 60 s; the purge goes to a stand-in for Varnish that records it (test_purge.py).
"""

import time

import pytest

from tests.homes import migrated_newsroom
from tests.pagecache.test_processes import Server, fetch
from tests.publishing.processes import Newsroom

pytestmark = pytest.mark.process

LONG_POLL = "300"
REDIS_URL = "redis://127.0.0.1:6379/1"


def publish_front_page(room: Newsroom, env: dict) -> float:
    """The editor publishes the front page (created by the migrations) from a process of its
    own; when the publish committed (epoch seconds)."""
    return room.shell(
        "import time\n"
        "from wagtail.models import Page\n"
        "page = Page.objects.get(depth=2).specific\n"
        "page.seo_title = f'Front {time.time_ns()}'\n"
        "page.save_revision().publish()\n"
        "print('DONE', time.time())",
        "DONE",
        **env,
    )


@pytest.fixture(params=[pytest.param("postgresql", marks=pytest.mark.postgresql), "redis"], ids=str)
def room(request, tmp_path):
    """A migrated newsroom: on PostgreSQL (its NOTIFY), or on SQLite with Redis (a message)."""
    home = tmp_path / "home"
    engine = "sqlite" if request.param == "redis" else "postgresql"
    with migrated_newsroom(request, home, engine, kind="wake") as room:
        room.extra = {}
        if request.param == "redis":
            room.extra = {"REDIS_URL": REDIS_URL, "MASTHEAD_CACHE_PREFIX": f"wake-{home.name}"}
        yield room


def wait(check, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (found := check()):
        assert time.monotonic() < deadline, what
        time.sleep(0.05)
    return found


def test_a_publish_reaches_the_worker_without_waiting_for_its_poll(room, varnish):
    env = {**room.extra, "MASTHEAD_VARNISH_URLS": varnish.url, "MASTHEAD_TASK_POLL": LONG_POLL}
    worker = room.start_worker("wake-worker", env=env)
    worker.wait_for_line("running background tasks")
    time.sleep(2.0)  # past the worker's first looks (it starts by looking once)
    committed = publish_front_page(room, env)
    wait(lambda: varnish.received, 60, "the worker waited for its poll (300 s)")
    purged = time.time()
    assert any("page-" in keys for keys in varnish.received), varnish.received
    assert purged - committed < 30, f"purged {purged - committed:.1f} s after the commit"
    assert "Traceback" not in worker.errors()


@pytest.mark.postgresql
def test_a_server_on_the_postgresql_bus_applies_a_publish_without_waiting_for_its_poll(
    request, tmp_path
):
    """The database bus on PostgreSQL: the server's listener is woken by the NOTIFY that the
    publishing transaction sent; the front page is rendered again, not served from its cache."""
    with migrated_newsroom(request, tmp_path / "home", "postgresql", kind="wakebus") as room:
        room.masthead("collectstatic", "--noinput")  # (else the server collects as it starts)
        server = Server(room, "wake-serve", {"MASTHEAD_BUS_POLL": LONG_POLL})
        try:
            server.warm("/")
            publish_front_page(room, {})
            wait(lambda: fetch(server.port, "/")[0] == "miss", 60, "the server waited for its poll")
        finally:
            server.stop()
