"""Storing reader responses: records what a response shows while Django renders it, and when
readers may share it, turns it into a cache entry with its HTTP caching headers."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

from django.http import HttpResponseNotModified
from django.utils.cache import patch_vary_headers

from masthead.pagecache import deps, runtime
from masthead.pagecache.entry import (
    Entry,
    choose_encoding,
    compressed_variants,
    content_etag,
    shared,
    shared_tags,
)
from masthead.pagecache.http import KEPT_ON_304, cache_control, http_date, is_not_modified
from masthead.pagecache.state import state
from masthead.pagecache.wsgi import KEY

# Set per response when it is sent, or never sent from the cache.
NOT_STORED = {
    "cache-control",
    "content-encoding",
    "content-length",
    "date",
    "etag",
    "last-modified",
    "set-cookie",
    "x-masthead-cache",
}
UNSHARED = ("private", "no-store", "no-cache")


class PageCacheMiddleware:
    """Outermost middleware: it sees the response every other middleware has finished."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = runtime.get()

    def __call__(self, request):
        if not self.cache.enabled:
            return self.get_response(request)
        # The WSGI layer has worked out the key already; without it (a test client, or the sites
        # not read yet in this process), do it here.
        key = request.META.get(KEY)
        if key is None:
            self.cache.sites.refresh()
            key = self.cache.rules.key(request.META)
        if key is None:
            return self.get_response(request)
        seq = state.last_seq
        token = deps.start()
        try:
            response = self.get_response(request)
        finally:
            recording = deps.finish(token)
        if not self.shareable(request, response, recording):
            return response
        if "?page=" in key and not recording.paginated:
            return response  # a page number that this view ignores: not a page of its own
        entry = self.entry(response, recording, seq)
        fresh = state.is_fresh(seq, entry.tags)
        if KEY in request.META and fresh:
            self.cache.store(key, entry)
        response = self.respond(request, response, entry)
        if not fresh:
            # Overtaken while it rendered (or the bus is lost): Varnish must not keep it.
            response["Cache-Control"] = "no-cache"
        return response

    @staticmethod
    def shareable(request, response, recording) -> bool:
        """Whether every reader may get these bytes: a full page of public content that sets
        no cookie, depends on no cookie and was rendered for no one in particular."""
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not recording.tags:
            return False  # it did not say what it shows, so nothing could refresh it
        if "cookie" in response.get("Vary", "").lower():
            return False
        if any(word in response.get("Cache-Control", "").lower() for word in UNSHARED):
            return False
        user = getattr(request, "_cached_user", None)
        return not (user is not None and user.is_authenticated)

    @staticmethod
    def entry(response, recording, seq) -> Entry:
        now = time.time()
        expires = now + runtime.get().max_ttl
        if recording.expires_at is not None:
            expires = min(expires, recording.expires_at.timestamp())
        last_modified = response.get("Last-Modified") or http_date(now)
        patch_vary_headers(response, ["Accept-Encoding"])
        tags = shared_tags(recording.tags)
        surrogate = " ".join(tags)
        headers = [
            shared((name, value))
            for name, value in response.items()
            if name.lower() not in NOT_STORED
        ]
        headers += [("Last-Modified", last_modified), ("Surrogate-Key", surrogate)]
        headers.append(("xkey", surrogate))
        body = response.content
        etag = (response.get("ETag") or "").strip().removeprefix("W/").strip('"')
        return Entry(
            status=shared(f"{response.status_code} {response.reason_phrase}"),
            headers=headers,
            bodies=compressed_variants(body),
            etag=etag or content_etag(body),
            last_modified=last_modified,
            last_modified_at=_timestamp(last_modified, now),
            seq=seq,
            tags=tags,
            expires=expires,
            length=len(body),
        )

    @staticmethod
    def respond(request, response, entry: Entry):
        now = time.time()
        encoding = choose_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""), entry.encodings)
        tags = " ".join(sorted(entry.tags))
        response["Surrogate-Key"] = response["xkey"] = tags
        response["Last-Modified"] = entry.last_modified
        response["Cache-Control"] = cache_control(entry.expires, now)
        response["ETag"] = entry.etag_for(encoding)
        response["X-Masthead-Cache"] = "miss"
        if is_not_modified(
            entry,
            request.META.get("HTTP_IF_NONE_MATCH"),
            request.META.get("HTTP_IF_MODIFIED_SINCE"),
        ):
            not_modified = HttpResponseNotModified()
            for name, value in response.items():
                if name.lower() in KEPT_ON_304:
                    not_modified[name] = value
            return not_modified
        if encoding != "identity":
            response.content = entry.bodies[encoding]
            response["Content-Encoding"] = encoding
            response["Content-Length"] = str(len(response.content))
        return response


def _timestamp(value: str, default: float) -> float:
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return default
