import threading

import pytest

from masthead.articles.models import ArticlePage
from tests.pagecache.wsgi_client import WSGIClient


@pytest.fixture
def wsgi(db):
    return WSGIClient()


class Warm:
    """Pages fetched until cached; then `fresh()` and `cached()` say what a change did."""

    def __init__(self, wsgi, paths):
        self.wsgi = wsgi
        self.replies = {}
        for path in paths:
            first = wsgi.get(path)
            assert first.status == 200, (path, first.status)
            again = wsgi.get(path)
            assert again.cache == "hit", (path, again.headers)
            self.replies[path] = again

    def tags(self, path) -> set[str]:
        return self.replies[path].tags

    def state(self, path) -> str:
        return self.wsgi.get(path).cache


@pytest.fixture
def warm(wsgi):
    return lambda *paths: Warm(wsgi, paths)


def stories_in(section) -> list[ArticlePage]:
    return list(ArticlePage.objects.live().descendant_of(section).order_by("-published_at"))


@pytest.fixture
def varnish():
    """A stand-in Varnish on 127.0.0.1 that records the PURGEs it is sent (test_purge.Recorder)."""
    from tests.pagecache.test_purge import Recorder

    recorder = Recorder(200)
    thread = threading.Thread(target=recorder.serve_forever, daemon=True)
    thread.start()
    yield recorder
    recorder.shutdown()
    recorder.server_close()
    thread.join(timeout=10)
