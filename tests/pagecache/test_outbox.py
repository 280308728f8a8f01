"""Invalidations that cannot be lost (issue 10, items 1 and 9): a bus that fails keeps the
invalidation in the outbox until it is delivered, and Varnish is purged by the worker, never in
the editor's request."""

import http.server
import socket
import threading
import time
import uuid

import pytest
from django_tasks_db.models import DBTaskResult

from masthead.pagecache import runtime
from masthead.pagecache.bus.redis import RedisBus
from masthead.pagecache.invalidation import relay
from masthead.pagecache.models import PendingInvalidation
from masthead.pagecache.tasks import purge_tags
from tests.factories import ArticlePageFactory, section_named

pytestmark = pytest.mark.django_db

BACKEND = "masthead.pagecache.purge.varnish.VarnishBackend"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def story():
    return ArticlePageFactory(parent=section_named("business"), published=True)


def test_an_invalidation_the_bus_cannot_take_is_kept_until_delivered(warm, wsgi, story):
    warm(story.url)
    cache = runtime.get()
    working_bus = cache.bus
    # A bus that cannot be written (nothing listens at that port: the real Redis client fails).
    broken = RedisBus(f"redis://127.0.0.1:{free_port()}/0", prefix=f"test-{uuid.uuid4().hex}")
    cache.bus = broken
    try:
        story.standfirst = "Written while the bus was down"
        story.save_revision().publish()  # the publish itself succeeds
    finally:
        cache.bus = working_bus
        broken.client.close()
    assert PendingInvalidation.objects.count() == 1
    assert relay() == 1  # as the worker does within a second
    assert PendingInvalidation.objects.count() == 0
    reply = wsgi.get(story.url)
    assert reply.cache == "miss" and "Written while the bus was down" in reply.text


class SlowVarnish(http.server.ThreadingHTTPServer):
    """Stands in for a Varnish that answers PURGE after `delay` seconds."""

    daemon_threads = True

    def __init__(self, delay: float):
        self.delay = delay
        self.purges: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802
                server.purges.append(self.headers.get("xkey-purge", ""))
                time.sleep(server.delay)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_port}"
        threading.Thread(target=self.serve_forever, daemon=True).start()


def test_a_slow_varnish_neither_slows_nor_fails_a_publish(settings, story, capsys):
    varnish = SlowVarnish(delay=6)
    settings.MASTHEAD_PURGE_BACKENDS = {"varnish": {"BACKEND": BACKEND, "URLS": [varnish.url]}}
    try:
        started = time.monotonic()
        story.standfirst = "Published while Varnish is slow"
        story.save_revision().publish()
        took = time.monotonic() - started
        with capsys.disabled():
            print(f"\npublish with a Varnish answering after 6 s: {took:.3f} s")
        assert varnish.purges == []  # the editor's request never talked to Varnish
        [task] = DBTaskResult.objects.filter(task_path=purge_tags.module_path)
        tags = task.args_kwargs["args"][0]
        assert f"page-{story.pk}" in tags
        # The worker runs the task: the purge reaches Varnish (which answers too late: logged).
        settings.MASTHEAD_PURGE_BACKENDS["varnish"]["TIMEOUT"] = 0.5
        purge_tags.call(tags)
        assert f"page-{story.pk}" in varnish.purges[0].split()
    finally:
        varnish.shutdown()
        varnish.server_close()


def test_a_purge_abandoned_by_a_killed_worker_is_run_again():
    """django-tasks-db leaves a task its worker died with marked running for good: a purge so
    left would leave Varnish's copy stale until s-maxage. Purges are safe to repeat."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks import TaskResultStatus

    from masthead.publishing.background import requeue_abandoned

    abandoned = DBTaskResult.objects.get(pk=purge_tags.enqueue(["page-1"]).id)
    running = DBTaskResult.objects.get(pk=purge_tags.enqueue(["page-2"]).id)
    abandoned.claim("a-worker-killed-by-kill-9")
    running.claim("a-worker-still-purging")
    DBTaskResult.objects.filter(pk=abandoned.pk).update(
        started_at=timezone.now() - timedelta(minutes=2)
    )
    assert requeue_abandoned() == 1
    abandoned.refresh_from_db()
    running.refresh_from_db()
    assert abandoned.status == TaskResultStatus.READY  # a worker runs it again
    assert running.status == TaskResultStatus.RUNNING  # not twice while its worker lives


def test_a_render_overtaken_by_an_invalidation_is_not_kept_by_varnish(wsgi, monkeypatch):
    """Varnish fetching a page while a change to it is applied would keep the old render for
    s-maxage (5 minutes) after the purge; such a render goes out `no-cache` and is not stored."""
    from masthead.pagecache import deps, middleware
    from masthead.pagecache.state import state
    from tests.conftest import REFERENCE_URL
    from tests.factories import small_newsroom

    small_newsroom()  # the story at REFERENCE_URL

    finish = deps.finish

    def change_arrives_meanwhile(token):
        recording = finish(token)
        state.apply(state.last_seq + 1, recording.tags)  # as the listener does
        return recording

    monkeypatch.setattr(middleware.deps, "finish", change_arrives_meanwhile)
    overtaken = wsgi.get(REFERENCE_URL)
    assert overtaken.status == 200
    assert overtaken.headers["Cache-Control"] == "no-cache"
    monkeypatch.setattr(middleware.deps, "finish", finish)
    assert wsgi.get(REFERENCE_URL).cache == "miss"  # not stored: rendered again
    assert "s-maxage" in wsgi.get(REFERENCE_URL).headers["Cache-Control"]
