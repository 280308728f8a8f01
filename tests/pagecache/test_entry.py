"""What a cached page costs in memory, and that keeping it compact changes nothing a reader gets."""

import gzip
import tracemalloc

import brotli
import pytest
from django.http import HttpResponse

from masthead.pagecache import deps, store
from masthead.pagecache.entry import Entry, compressed_variants
from masthead.pagecache.middleware import PageCacheMiddleware
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def a_story_page(wsgi) -> bytes:
    """A story of some 15 KB of text, as the bench corpus has (seed-corpus)."""
    sentence = "the minister said on tuesday that the harbour would reopen after the storm "
    paragraphs = [("paragraph", f"<p>{sentence[n:] * 5}{n}.</p>") for n in range(30)]
    story = ArticlePageFactory(published=True, body=paragraphs, tags=["Harbour", "Storms"])
    reply = wsgi.get(story.url)
    assert reply.cache == "miss"
    return reply.body


def entry_of(body: bytes, tags):
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    return PageCacheMiddleware.entry(response, deps.Recording(tags=set(tags)), 1)


def test_a_cached_story_holds_less_memory_than_its_own_bytes(wsgi):
    body = a_story_page(wsgi)
    tags = {f"page-{n}" for n in range(20)} | {"site", "nav", "picks", "list-section-3"}
    entry_of(body, tags)  # the strings and headers every entry shares, made once
    tracemalloc.start()
    try:
        entry = entry_of(bytes(bytearray(body)), tags)  # the page's bytes, as a render makes them
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Kept whole in three encodings, a story held about 1.4 times its bytes: a 32 MB share held
    # some 1,200 stories and cost a worker 45 MB or more (issue 14).
    assert held < 0.75 * len(body), (held, len(body))
    # The share counts what an entry really holds.
    assert 0.8 * held < entry.size < 1.25 * held, (held, entry.size)


def test_every_client_gets_the_same_page_from_a_compressed_entry(wsgi):
    story = ArticlePageFactory(published=True)
    miss = wsgi.get(story.url)
    plain = [wsgi.get(story.url), wsgi.get(story.url, accept_encoding="identity")]
    for reply in plain:
        assert (reply.cache, reply.body) == ("hit", miss.body)
        assert "Content-Encoding" not in reply.headers
        assert reply.headers["Content-Length"] == str(len(miss.body))
        assert reply.headers["ETag"] == miss.headers["ETag"]
    for encoding, decode in (("gzip", gzip.decompress), ("br", brotli.decompress)):
        reply = wsgi.get(story.url, accept_encoding=encoding)
        assert (reply.cache, reply.headers["Content-Encoding"]) == ("hit", encoding)
        assert decode(reply.body) == miss.body
        assert reply.headers["Content-Length"] == str(len(reply.body))
    head = wsgi.get(story.url, method="HEAD")
    assert (head.status, head.body) == (200, b"")
    assert head.headers["Content-Length"] == str(len(miss.body))
    not_modified = wsgi.get(story.url, if_none_match=miss.headers["ETag"])
    assert not_modified.status == 304


def test_a_page_asked_for_uncompressed_again_and_again_is_inflated_once():
    pages = [f"<p>page {n}: {'the harbour reopened ' * 1000}</p>".encode() for n in range(5)]
    entries = [
        Entry("200 OK", [], compressed_variants(page), f"e{n}", "", 0.0, 0, ("site",), 2e9)
        for n, page in enumerate(pages)
    ]
    inflated = store.Inflated(max_bytes=100_000)
    first = inflated.body(entries[0], "identity")
    assert first == pages[0]
    assert inflated.body(entries[0], "identity") is first
    assert inflated.body(entries[0], "gzip") == entries[0].bodies["gzip"]
    for entry, page in zip(entries, pages, strict=True):
        assert inflated.body(entry, "identity") == page
    assert inflated.bytes <= 100_000  # the oldest given up: its share is bounded
    assert inflated.body(entries[0], "identity") == pages[0]
