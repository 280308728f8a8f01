"""Invalidation across server processes: two `masthead serve` processes cache a story; a third
process publishes a change; both serve the change within a second, through Redis where it is
configured and through the database where it is not, while an unrelated page stays cached."""

import os
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.homes import copy_home
from tests.processes import wait_for
from tests.publishing.processes import Newsroom
from tests.test_commands import BIN

pytestmark = pytest.mark.process

STORY = "/top-news/pakistan-quietly-greenlights-security-pact-with-us/"
UNRELATED = "/business/"
# Another database for runs beside others on one Redis.
REDIS_URL = os.environ.get("MASTHEAD_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, headers=None) -> tuple[str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers.get("X-Masthead-Cache", ""), response.read().decode()


def render(port: int, path: str) -> str:
    """The page rendered now, past the page cache (which steps aside for a session cookie)."""
    return fetch(port, path, {"Cookie": "sessionid=uncached"})[1]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory, demo_home_template) -> Newsroom:
    return Newsroom(copy_home(demo_home_template, tmp_path_factory.mktemp("pagecache-processes")))


def publish_new_standfirst(room: Newsroom, env: dict) -> str:
    """An editor's change to the story, published from a process of its own."""
    standfirst = f"Updated standfirst {uuid.uuid4().hex[:8]}"
    room.shell(
        "from masthead.articles.models import ArticlePage\n"
        f"story = ArticlePage.objects.get(url_path__endswith='{STORY}')\n"
        f"story.standfirst = '{standfirst}'\n"
        "story.save_revision().publish()\n"
        "print('DONE 1')",
        "DONE",
        **env,
    )
    return standfirst


class Server:
    def __init__(self, room: Newsroom, name: str, env: dict):
        self.port = free_port()
        self.log = Path(room.home) / f"{name}.log"
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [str(BIN / "masthead"), "serve", "--workers", "1", "--port", str(self.port)],
                env={**room.env, **env},
                stdout=log,
                stderr=subprocess.STDOUT,
            )

        def answers() -> bool:
            assert self.process.poll() is None, self.log.read_text()
            return bool(fetch(self.port, "/"))

        try:
            wait_for(answers, interval=0.2, what=f"the server logging to {self.log.name}")
        except BaseException:  # a server that never answered is not left running
            self.stop()
            raise

    def warm(self, path: str) -> None:
        wait_for(lambda: fetch(self.port, path)[0] == "hit", interval=0.1, what=f"{path} cached")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.mark.parametrize("bus", ["database", "redis"])
def test_a_publish_reaches_every_server_process_within_a_second(newsroom, bus):
    env = {"REDIS_URL": REDIS_URL, "MASTHEAD_CACHE_PREFIX": f"test-{uuid.uuid4().hex}"}
    env = env if bus == "redis" else {}
    servers = [Server(newsroom, f"{bus}-{n}", env) for n in range(2)]
    try:
        for server in servers:
            server.warm(STORY)
            server.warm(UNRELATED)
        standfirst = publish_new_standfirst(newsroom, env)
        published = time.monotonic()
        delays = []
        for server in servers:
            wait_for(
                lambda server=server: standfirst in fetch(server.port, STORY)[1],
                timeout=10,
                interval=0.02,
                what="the change to reach the server",
            )
            delays.append(time.monotonic() - published)
        # The target is one second; the test allows for a loaded CI machine.
        assert max(delays) < 3, delays
        for server in servers:
            assert fetch(server.port, UNRELATED)[0] == "hit"
    finally:
        for server in servers:
            server.stop()


def publish_story_beside(room: Newsroom, env: dict) -> str:
    """A new story in STORY's section, published from a process of its own."""
    title = f"Just in {uuid.uuid4().hex[:8]}"
    room.shell(
        "from django.utils import timezone\n"
        "from masthead.articles.models import ArticlePage\n"
        f"section = ArticlePage.objects.get(url_path__endswith='{STORY}').get_parent()\n"
        f"story = ArticlePage(title='{title}', slug='{title.lower().replace(' ', '-')}',\n"
        "    standfirst='What happened.', body=[('paragraph', '<p>Text.</p>')],\n"
        "    published_at=timezone.now())\n"
        "section.add_child(instance=story)\n"
        "story.save_revision().publish()\n"
        "print('DONE 1')",
        "DONE",
        **env,
    )
    return title


@pytest.mark.parametrize("bus", ["database", "redis"])
def test_a_story_published_in_a_section_shows_in_its_latest_from_on_every_server_at_once(
    newsroom, bus
):
    """Each server process keeps the section's newest stories between renders ("Latest
    from"); a publish in another process refreshes them for its next render of any story."""
    env = {"REDIS_URL": REDIS_URL, "MASTHEAD_CACHE_PREFIX": f"test-{uuid.uuid4().hex}"}
    env = env if bus == "redis" else {}
    servers = [Server(newsroom, f"latest-{bus}-{n}", env) for n in range(2)]
    try:
        for server in servers:
            assert "Latest from" in render(server.port, STORY)
        title = publish_story_beside(newsroom, env)
        for server in servers:
            wait_for(
                lambda server=server: title in render(server.port, STORY),
                timeout=10,
                interval=0.02,
                what="the new story in Latest from",
            )
    finally:
        for server in servers:
            server.stop()


def test_varnish_in_front_is_purged_by_tag_on_publish(newsroom, tmp_path):
    from tests.pagecache.varnish import PURGE_SECRET, VARNISH_MISSING, running_varnish

    if VARNISH_MISSING:
        pytest.skip(VARNISH_MISSING)
    server = Server(newsroom, "behind-varnish", {})
    try:
        with running_varnish(tmp_path, server.port) as varnish:
            env = {"MASTHEAD_VARNISH_URLS": varnish.url, "MASTHEAD_PURGE_SECRET": PURGE_SECRET}

            def through_varnish(path):
                request = urllib.request.Request(varnish.url + path)
                request.add_header("Accept-Encoding", "identity")
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.headers.get("X-Varnish-Cache"), response.read().decode()

            for path in (STORY, UNRELATED):
                through_varnish(path)
                assert through_varnish(path)[0] == "hit", path
            # The purge is a task that the worker runs once every server process has heard.
            worker = newsroom.start_worker("varnish-worker", env=env)
            worker.wait_for_line("running background tasks")
            standfirst = publish_new_standfirst(newsroom, env)
            wait_for(
                lambda: standfirst in through_varnish(STORY)[1],
                timeout=5,
                what="Varnish to drop the old story",
            )
            assert through_varnish(UNRELATED)[0] == "hit"
    finally:
        newsroom.stop_workers()
        server.stop()


# A publisher killed at each step ---------------------------------------------------------------

CRASHED = 70  # masthead.pagecache.crashpoints.reached's exit status


def run_until_crash(room: Newsroom, step: str, args: list[str], **env) -> None:
    result = subprocess.run(
        [str(BIN / "masthead"), *args],
        env={**room.env, "MASTHEAD_TEST_CRASH_AT": step, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == CRASHED, f"did not die at {step}:\n{result.stdout}{result.stderr}"


def publish_and_die(room: Newsroom, step: str) -> str:
    standfirst = f"Standfirst before a crash at {step} {uuid.uuid4().hex[:8]}"
    code = (
        "from masthead.articles.models import ArticlePage\n"
        f"story = ArticlePage.objects.get(url_path__endswith='{STORY}')\n"
        f"story.standfirst = '{standfirst}'\n"
        "story.save_revision().publish()\n"
    )
    run_until_crash(room, step, ["shell", "-c", code])
    return standfirst


def wait_fresh(server: Server, standfirst: str, timeout: float = 15) -> None:
    wait_for(
        lambda: standfirst in fetch(server.port, STORY)[1],
        timeout,
        what="the server to serve the new story",
    )


def test_a_publisher_killed_at_any_step_leaves_every_server_fresh(newsroom):
    """The outbox row commits with the story: whatever step the publishing process dies at,
    the worker (or a server process) relays it and every server serves the change."""
    from masthead.pagecache import crashpoints

    servers = [Server(newsroom, f"crash-{n}", {}) for n in range(2)]
    worker = newsroom.start_worker("crash-worker")
    try:
        worker.wait_for_line("running background tasks")
        for step in (crashpoints.COMMITTED, crashpoints.PUBLISHED, crashpoints.RELAYED):
            for server in servers:
                server.warm(STORY)
            standfirst = publish_and_die(newsroom, step)
            for server in servers:
                wait_fresh(server, standfirst)
        # The worker killed as it takes a purge task: the servers have the change already.
        worker.stop()
        for server in servers:
            server.warm(STORY)
        varnish = {"MASTHEAD_VARNISH_URLS": f"http://127.0.0.1:{free_port()}"}
        standfirst = publish_new_standfirst(newsroom, varnish)
        run_until_crash(newsroom, crashpoints.PURGING, ["worker", "--once"], **varnish)
        for server in servers:
            wait_fresh(server, standfirst)
    finally:
        newsroom.stop_workers()
        for server in servers:
            server.stop()
