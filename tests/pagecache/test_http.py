"""HTTP caching as readers, browsers and proxies see it, through the real WSGI application."""

import gzip

import brotli
import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from masthead.pagecache import release, store
from masthead.pagecache.entry import Entry
from tests.factories import ArticlePageFactory, administrator, section_named

pytestmark = pytest.mark.django_db


def test_a_reader_page_is_cached_whole_with_its_dependencies(wsgi):
    story = ArticlePageFactory(with_lead_image=True, tags=["Pakistan"], published=True)
    first = wsgi.get(story.url)
    second = wsgi.get(story.url)
    assert (first.status, first.cache, second.cache) == (200, "miss", "hit")
    assert second.body == first.body
    cache_control = second.headers["Cache-Control"]
    for word in ("public", "max-age=", "s-maxage=", "stale-while-revalidate="):
        assert word in cache_control
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Last-Modified"] == first.headers["Last-Modified"]
    assert "Set-Cookie" not in first.headers
    assert "cookie" not in first.headers.get("Vary", "").lower()
    assert "Accept-Encoding" in first.headers["Vary"]
    assert first.headers["xkey"] == first.headers["Surrogate-Key"]
    assert any(tag.startswith("page-") for tag in first.tags)


def test_conditional_requests_get_304_from_the_cache_and_from_django(wsgi):
    miss = wsgi.get("/")
    etag, last_modified = miss.headers["ETag"], miss.headers["Last-Modified"]
    wsgi.get("/")
    hit = wsgi.get("/", if_none_match=etag)
    assert (hit.status, hit.body, hit.headers["ETag"]) == (304, b"", etag)
    assert wsgi.get("/", if_modified_since=last_modified).status == 304
    assert wsgi.get("/", if_none_match='"something-else"').status == 200

    client = Client()
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_brotli_and_gzip_are_precompressed_and_the_same_page(wsgi):
    identity = wsgi.get("/").body
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        reply = wsgi.get("/", accept_encoding=f"{encoding}, deflate")
        assert reply.headers["Content-Encoding"] == encoding
        assert decode(reply.body) == identity
        assert reply.headers["ETag"] != wsgi.get("/").headers["ETag"]
    assert "Content-Encoding" not in wsgi.get("/", accept_encoding="br;q=0, identity").headers
    head = wsgi.get("/", method="HEAD")
    assert (head.status, head.body) == (200, b"")


def test_editors_and_previews_are_never_served_or_stored(wsgi, client):
    wsgi.get("/")
    assert wsgi.get("/").cache == "hit"
    client.force_login(administrator())
    session = client.cookies["sessionid"].value
    as_editor = wsgi.get("/", cookie=f"sessionid={session}")
    assert as_editor.status == 200
    assert as_editor.cache is None
    assert wsgi.get("/admin/", cookie=f"sessionid={session}").cache is None
    assert wsgi.get("/search/?q=gaza").cache is None
    assert wsgi.get("/search/?q=gaza").cache is None


def test_a_response_that_sets_a_cookie_is_never_cached(wsgi):
    section = section_named("world")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    first = wsgi.get(section.url)
    second = wsgi.get(section.url)
    assert "Set-Cookie" in first.headers  # the password form's CSRF cookie
    assert (first.cache, second.cache) == (None, None)


def test_tracking_parameters_share_the_page_and_unknown_ones_bypass_it(wsgi):
    wsgi.get("/")
    assert wsgi.get("/?utm_source=newsletter&fbclid=abc").cache == "hit"
    assert wsgi.get("/?anything=else").cache is None
    assert wsgi.get("/?anything=else").cache is None


def test_a_new_release_starts_with_an_empty_shared_store(wsgi):
    entry = Entry("200 OK", [], {"identity": b"x"}, "e", "", 0.0, 0, frozenset({"site"}), 2e9)
    old = store.SharedStore("pagecache", "release-1")
    old.put("/", entry, 60)
    assert old.get("/") is not None
    assert store.SharedStore("pagecache", "release-2").get("/") is None
    assert len(release.release()) == 16
