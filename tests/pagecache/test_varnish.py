"""deploy/varnish/masthead.vcl in a real varnishd, purged through masthead.pagecache.purge.

The backend is a small stdlib HTTP server that answers as Masthead's page cache does (contract:
Cache-Control with s-maxage and stale-while-revalidate, ETag, Last-Modified, Surrogate-Key and
xkey tags, Vary: Accept-Encoding, X-Masthead-Cache) and counts what reaches it, so that a test
sees whether Varnish answered from its cache.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from masthead.pagecache.purge import purge
from tests.pagecache.varnish import PURGE_SECRET, VARNISH_MISSING, running_varnish

pytestmark = [
    pytest.mark.process,
    pytest.mark.skipif(VARNISH_MISSING is not None, reason=str(VARNISH_MISSING)),
]

CACHEABLE = "public, max-age=60, s-maxage=300, stale-while-revalidate=30"
# path -> (tags, Cache-Control)
PAGES = {
    "/page-1/": ("page-1 list-all", CACHEABLE),
    "/page-2/": ("page-2", CACHEABLE),
    "/page-3/": ("page-3", CACHEABLE),
    "/admin/": ("page-4", CACHEABLE),
    "/search/": ("list-all", CACHEABLE),
    "/short/": ("page-5", "public, max-age=1, s-maxage=1, stale-while-revalidate=30"),
    "/uncached/": ("page-6", None),
    "/private/": ("page-7", "private, max-age=60"),
    "/story/": ("page-8 list-all", CACHEABLE),
}


class Backend(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.cookies: dict[str, str | None] = {}
        self.urls: list[str] = []
        self.lock = threading.Lock()

    @property
    def port(self) -> int:
        return self.server_address[1]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Backend

    def do_GET(self):
        path = self.path.split("?")[0]
        with self.server.lock:
            self.server.hits[path] += 1
            version = self.server.hits[path]
            self.server.cookies[path] = self.headers.get("Cookie")
            self.server.urls.append(self.path)
        if path not in PAGES:
            self.answer(404, b"not found", [("Cache-Control", "no-cache")])
            return
        tags, cache_control = PAGES[path]
        headers = [
            ("ETag", f'"{path.strip("/")}-{version}"'),
            ("Last-Modified", formatdate(time.time() - 60, usegmt=True)),
            ("Surrogate-Key", tags),
            ("xkey", tags),
            ("Vary", "Accept-Encoding"),
            ("X-Masthead-Cache", "miss"),
        ]
        if cache_control:
            headers.append(("Cache-Control", cache_control))
        self.answer(200, f"{path} version {version}\n".encode(), headers)

    def answer(self, status: int, body: bytes, headers: list[tuple[str, str]]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def backend():
    server = Backend()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def varnish(backend, tmp_path_factory):
    with running_varnish(tmp_path_factory.mktemp("varnish"), backend.port) as running:
        yield running


@pytest.fixture
def purgers(settings, varnish):
    settings.MASTHEAD_PURGE_BACKENDS = {
        "varnish": {
            "BACKEND": "masthead.pagecache.purge.varnish.VarnishBackend",
            "URLS": [varnish.url],
        }
    }
    settings.MASTHEAD_PURGE_SECRET = PURGE_SECRET


class Reply:
    def __init__(self, response: http.client.HTTPResponse):
        self.status = response.status
        self.headers = response.headers
        self.body = response.read().decode()

    @property
    def hit(self) -> bool:
        """Varnish's own word: two transaction ids in X-Varnish on a hit, one otherwise."""
        return len(self.headers["X-Varnish"].split()) == 2


def request(varnish, path, method="GET", headers=None, source="127.0.0.1") -> Reply:
    connection = http.client.HTTPConnection(
        "127.0.0.1", varnish.port, timeout=10, source_address=(source, 0)
    )
    try:
        connection.request(method, path, headers=headers or {})
        return Reply(connection.getresponse())
    finally:
        connection.close()


def purge_headers(keys: str | None, secret: str | None = PURGE_SECRET) -> dict[str, str]:
    headers = {} if keys is None else {"xkey-purge": keys}
    if secret is not None:
        headers["X-Masthead-Purge-Secret"] = secret
    return headers


def test_a_page_is_fetched_once_then_served_from_varnish(varnish, backend):
    first = request(varnish, "/story/")
    second = request(varnish, "/story/")
    assert first.status == second.status == 200
    assert not first.hit and first.headers["X-Varnish-Cache"] == "miss"
    assert second.hit and second.headers["X-Varnish-Cache"] == "hit"
    assert second.body == first.body == "/story/ version 1\n"
    assert int(second.headers["Age"]) >= 0
    assert backend.hits["/story/"] == 1
    # What Masthead says about the page reaches the reader; its tags do not.
    assert second.headers["ETag"] == '"story-1"'
    assert second.headers["Last-Modified"]
    assert second.headers["Cache-Control"] == CACHEABLE
    assert second.headers["X-Masthead-Cache"] == "miss"
    assert "xkey" not in second.headers
    assert "Surrogate-Key" not in second.headers
    # A browser that has the page gets a 304 from Varnish itself.
    assert request(varnish, "/story/", headers={"If-None-Match": '"story-1"'}).status == 304
    assert backend.hits["/story/"] == 1


def test_a_debug_header_shows_the_tags(varnish):
    reply = request(varnish, "/page-3/", headers={"X-Masthead-Debug": "1"})
    assert reply.headers["xkey"] == "page-3"
    assert reply.headers["Surrogate-Key"] == "page-3"


def test_purging_a_tag_refreshes_only_the_pages_that_carry_it(varnish, backend, purgers):
    for path in ("/page-1/", "/page-2/"):
        request(varnish, path)
        assert request(varnish, path).hit
    before = backend.hits.copy()

    purge({"page-1"})

    page_1 = request(varnish, "/page-1/")
    assert not page_1.hit
    assert page_1.body == f"/page-1/ version {before['/page-1/'] + 1}\n"
    assert request(varnish, "/page-1/").hit
    page_2 = request(varnish, "/page-2/")
    assert page_2.hit
    assert backend.hits["/page-2/"] == before["/page-2/"]


def test_a_purge_answers_with_the_number_of_objects_purged(varnish):
    request(varnish, "/page-1/")
    request(varnish, "/page-2/")
    assert request(varnish, "/page-2/").hit
    assert request(varnish, "/page-1/").hit

    reply = request(varnish, "/", method="PURGE", headers=purge_headers("page-1 page-2"))
    assert reply.status == 200
    assert reply.headers["xkey-purged"] == "2"
    assert reply.body.strip() == "2"
    assert not request(varnish, "/page-1/").hit
    assert not request(varnish, "/page-2/").hit

    unknown = request(varnish, "/", method="PURGE", headers=purge_headers("page-999"))
    assert (unknown.status, unknown.headers["xkey-purged"]) == (200, "0")
    assert request(varnish, "/", method="PURGE", headers=purge_headers(None)).status == 400


def test_only_the_acl_may_purge(varnish):
    """127.0.0.2 is loopback too, but not in the `purgers` ACL (127.0.0.1 and ::1)."""
    request(varnish, "/page-2/")
    refused = request(
        varnish, "/", method="PURGE", headers=purge_headers("page-2"), source="127.0.0.2"
    )
    assert refused.status == 403
    assert request(varnish, "/page-2/").hit
    # The page is still readable from that address: only purging is refused.
    assert request(varnish, "/page-2/", source="127.0.0.2").status == 200


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", PURGE_SECRET + "x"])
def test_a_purge_without_the_shared_secret_is_refused_even_from_127_0_0_1(varnish, secret):
    """A TLS proxy on the same host forwards every reader from 127.0.0.1: the ACL is not enough."""
    request(varnish, "/page-2/")
    assert request(varnish, "/page-2/").hit
    refused = request(varnish, "/", method="PURGE", headers=purge_headers("page-2", secret))
    assert refused.status == 403
    assert "xkey-purged" not in refused.headers
    assert request(varnish, "/page-2/").hit
    allowed = request(varnish, "/", method="PURGE", headers=purge_headers("page-2"))
    assert (allowed.status, allowed.headers["xkey-purged"]) == (200, "1")
    assert not request(varnish, "/page-2/").hit


def test_a_varnish_started_without_the_secret_refuses_every_purge(backend, tmp_path):
    with running_varnish(tmp_path, backend.port, purge_secret="") as bare:
        request(bare, "/page-2/")
        for secret in (None, "", PURGE_SECRET):
            refused = request(bare, "/", method="PURGE", headers=purge_headers("page-2", secret))
            assert refused.status == 403
        assert request(bare, "/page-2/").hit


def test_masthead_with_a_wrong_secret_purges_nothing_and_says_so(
    varnish, backend, purgers, settings, caplog
):
    request(varnish, "/page-3/")
    assert request(varnish, "/page-3/").hit
    settings.MASTHEAD_PURGE_SECRET = "not-the-secret"  # noqa: S105 (a test value)
    purge({"page-3"})
    assert request(varnish, "/page-3/").hit
    assert "status 403 Forbidden" in caplog.text


def test_https_and_plain_http_answers_are_cached_apart(varnish, backend):
    """Masthead redirects plain http; that redirect, or a page, must not cross over."""
    https = {"X-Forwarded-Proto": "https"}
    request(varnish, "/page-1/", headers=https)
    assert request(varnish, "/page-1/", headers=https).hit
    assert not request(varnish, "/page-1/", headers={"X-Forwarded-Proto": "http"}).hit


def test_logged_in_people_and_authorised_requests_pass(varnish, backend):
    request(varnish, "/page-3/")
    for headers in (
        {"Cookie": "sessionid=abc123"},
        {"Cookie": "csrftoken=x; sessionid=abc123"},
        {"Authorization": "Bearer token"},
    ):
        before = backend.hits["/page-3/"]
        reply = request(varnish, "/page-3/", headers=headers)
        assert not reply.hit, headers
        assert reply.headers["X-Varnish-Cache"] == "pass"
        assert backend.hits["/page-3/"] == before + 1
    assert backend.cookies["/page-3/"] is None  # the Authorization request had no cookie


def test_other_cookies_are_dropped_and_the_page_served_from_cache(varnish, backend):
    request(varnish, "/page-3/")
    before = backend.hits["/page-3/"]
    reply = request(varnish, "/page-3/", headers={"Cookie": "_ga=GA1.1.1; csrftoken=abc"})
    assert reply.hit
    assert backend.hits["/page-3/"] == before


def test_tracking_parameters_share_the_pages_copy(varnish, backend):
    request(varnish, "/page-3/")
    request(varnish, "/page-3/?page=2")
    before = backend.hits["/page-3/"]
    for query in ("?utm_source=x&utm_medium=social", "?fbclid=abc", "?gclid=1&utm_campaign=y"):
        assert request(varnish, f"/page-3/{query}").hit, query
    assert request(varnish, "/page-3/?utm_source=x&page=2").hit
    assert request(varnish, "/page-3/?page=2&fbclid=abc").hit
    assert backend.hits["/page-3/"] == before
    request(varnish, "/page-3/?utm_source=x&page=3&gclid=2")
    assert backend.urls[-1] == "/page-3/?page=3"


@pytest.mark.parametrize("path", ["/admin/", "/search/"])
def test_the_editor_and_search_pass(varnish, backend, path):
    before = backend.hits[path]
    replies = [request(varnish, f"{path}?q=x") for _ in range(2)]
    assert [reply.hit for reply in replies] == [False, False]
    assert backend.hits[path] == before + 2


@pytest.mark.parametrize("path", ["/uncached/", "/private/"])
def test_what_masthead_does_not_share_is_not_cached(varnish, backend, path):
    before = backend.hits[path]
    replies = [request(varnish, path) for _ in range(2)]
    assert [reply.hit for reply in replies] == [False, False]
    assert backend.hits[path] == before + 2


def test_stale_while_revalidate_serves_the_old_copy_while_fetching(varnish, backend):
    """s-maxage=1, stale-while-revalidate=30: after a second, grace."""
    first = request(varnish, "/short/")
    time.sleep(1.5)
    stale = request(varnish, "/short/")
    assert stale.hit and stale.body == first.body  # answered at once, from the old copy
    deadline = time.monotonic() + 5
    while request(varnish, "/short/").body == first.body:  # ... while one fetch refreshes it
        assert time.monotonic() < deadline, "no background fetch"
        time.sleep(0.05)
    assert backend.hits["/short/"] == 2
