"""A server process forked from one that served pages (a preloading server's workers) starts
over: its parent's cache was kept current by listener threads that do not run in the child."""

import os

import pytest

from masthead.pagecache import runtime
from tests.factories import ArticlePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.process]


def test_a_forked_process_serves_nothing_its_parent_cached(wsgi):
    story = ArticlePageFactory(published=True)
    wsgi.get(story.url)
    assert wsgi.get(story.url).cache == "hit"
    pid = os.fork()
    if pid == 0:  # the child: no database, no pytest; only its exit status
        cache = runtime.get()
        cache.ensure_listening()
        os._exit(0 if len(cache.lru) == 0 and cache.ready.is_set() else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert wsgi.get(story.url).cache == "hit"  # the parent keeps its own
