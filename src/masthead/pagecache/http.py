"""HTTP for cached responses: the headers readers, browsers and proxies get, conditional
requests, and answering a hit straight from the WSGI environ."""

from __future__ import annotations

import math
import time
from email.utils import formatdate, parsedate_to_datetime

from django.conf import settings

from masthead.pagecache.entry import Entry, choose_encoding, matches_etag

HIT = ("X-Masthead-Cache", "hit")
NOT_MODIFIED = "304 Not Modified"
# Headers a 304 repeats (RFC 9110 15.4.5).
KEPT_ON_304 = {
    "cache-control",
    "content-location",
    "etag",
    "expires",
    "surrogate-key",
    "vary",
    "x-masthead-cache",
    "xkey",
}


def cache_control(expires: float, now: float) -> str:
    """Public, short-lived in browsers, longer in shared caches that we purge, and served stale
    for a moment while one request refreshes it."""
    config = settings.MASTHEAD_PAGE_CACHE
    left = max(0, math.floor(expires - now))
    max_age = min(config["MAX_AGE"], left)
    s_maxage = min(config["S_MAXAGE"], left)
    return (
        f"public, max-age={max_age}, s-maxage={s_maxage}, "
        f"stale-while-revalidate={config['STALE_WHILE_REVALIDATE']}"
    )


def http_date(moment: float) -> str:
    return formatdate(moment, usegmt=True)


def not_modified_since(if_modified_since: str, last_modified_at: float) -> bool:
    try:
        since = parsedate_to_datetime(if_modified_since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return math.floor(last_modified_at) <= since


def is_not_modified(entry: Entry, if_none_match: str | None, if_modified_since: str | None):
    if if_none_match is not None:
        return matches_etag(if_none_match, entry)
    return if_modified_since is not None and not_modified_since(
        if_modified_since, entry.last_modified_at
    )


_encodings: dict[tuple[str, int], str] = {}


def _encoding(accept_encoding: str, entry: Entry) -> str:
    """`choose_encoding`, remembered per Accept-Encoding value (browsers send a handful) and
    kind of entry (one body: identity alone; two: gzip and brotli)."""
    key = (accept_encoding, len(entry.bodies))
    encoding = _encodings.get(key)
    if encoding is None:
        encoding = choose_encoding(accept_encoding, entry.encodings)
        if len(_encodings) < 256:
            _encodings[key] = encoding
    return encoding


class HitHeaders(list):
    """The headers of every hit of one entry in one encoding until `until` (then its
    Cache-Control counts down to the entry's expiry): one list, never changed once built, so that
    what is made from it per request is made once as well and kept in `derived` (each maker
    under its own key: the 304's headers here, the outer layers' merged headers there)."""

    __slots__ = ("derived", "until")

    def __init__(self, headers, until: float):
        super().__init__(headers)
        self.until = until
        self.derived = {}


def _prepared(entry: Entry, encoding: str, now: float) -> list[tuple[str, str]]:
    """The headers of a hit in `encoding`, built once per entry while its Cache-Control is not
    shortened by an expiry coming up."""
    cached = entry.prepared.get(encoding)
    if cached is not None and now < cached.until:
        return cached
    length = entry.identity_length if encoding == "identity" else len(entry.bodies[encoding])
    headers = [
        *entry.headers,
        ("Cache-Control", cache_control(entry.expires, now)),
        ("ETag", entry.etag_for(encoding)),
        HIT,
        ("Content-Length", str(length)),
    ]
    if encoding != "identity":
        headers.append(("Content-Encoding", encoding))
    config = settings.MASTHEAD_PAGE_CACHE
    steady_until = entry.expires - max(config["MAX_AGE"], config["S_MAXAGE"]) - 1
    if now < steady_until:
        headers = entry.prepared[encoding] = HitHeaders(headers, steady_until)
    return headers


def _not_modified(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if type(headers) is not HitHeaders:
        return [h for h in headers if h[0].lower() in KEPT_ON_304]
    kept = headers.derived.get(NOT_MODIFIED)
    if kept is None:
        kept = [h for h in headers if h[0].lower() in KEPT_ON_304]
        kept = headers.derived[NOT_MODIFIED] = HitHeaders(kept, headers.until)
    return kept


def serve(entry: Entry, environ, start_response, body=Entry.body):
    """Answer a request from a cached entry, before Django runs; `body(entry, encoding)` gives
    the bytes (the page cache's, which keeps the identity bodies it inflated last)."""
    encoding = _encoding(environ.get("HTTP_ACCEPT_ENCODING", ""), entry)
    headers = _prepared(entry, encoding, time.time())
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if (if_none_match is not None or if_modified_since is not None) and is_not_modified(
        entry, if_none_match, if_modified_since
    ):
        start_response(NOT_MODIFIED, _not_modified(headers))
        return []
    start_response(entry.status, headers)
    if environ["REQUEST_METHOD"] == "HEAD":
        return []
    stored = entry.bodies.get(encoding)
    if stored is None:
        stored = entry.inflated  # only ever an identity body, the one encoding not stored
    return [stored if stored is not None else body(entry, encoding)]
