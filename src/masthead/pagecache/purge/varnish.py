"""Purging Varnish by tag: `PURGE` with an `xkey-purge` header (deploy/varnish/masthead.vcl).

Settings entry (made from MASTHEAD_VARNISH_URLS by the settings):

    "varnish": {
        "BACKEND": "masthead.pagecache.purge.varnish.VarnishBackend",
        "URLS": ["http://127.0.0.1:6081"],   # every Varnish in front of the site
        "TIMEOUT": 2.0,                      # seconds, per request (optional)
        "MAX_HEADER_BYTES": 7000,            # tags per request (optional)
        "SECRET": "...",                     # default: settings.MASTHEAD_PURGE_SECRET
    }

Every PURGE carries the shared secret in `X-Masthead-Purge-Secret`; the VCL refuses a PURGE
without it (403), as it refuses one from outside its ACL.

Each Varnish answers 200 with the number of objects it purged. Tags go out in batches that keep
the header under Varnish's 8 KB header limit. Failures are logged with the URL and the status,
never raised; after a connection failure the rest of that Varnish's batches are skipped.
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from masthead.pagecache.purge import PurgeBackend

log = logging.getLogger(__name__)

HEADER = "xkey-purge"
SECRET_HEADER = "X-Masthead-Purge-Secret"  # noqa: S105 (a header name)
DEFAULT_TIMEOUT = 2.0
DEFAULT_MAX_HEADER_BYTES = 7000


def batches(tags: Iterable[str], limit: int) -> Iterator[str]:
    """Space-separated runs of tags, each at most `limit` bytes (a longer tag goes alone)."""
    batch: list[str] = []
    size = 0
    for tag in sorted(tags):
        extra = len(tag.encode()) + (1 if batch else 0)
        if batch and size + extra > limit:
            yield " ".join(batch)
            batch, size = [], 0
            extra = len(tag.encode())
        batch.append(tag)
        size += extra
    if batch:
        yield " ".join(batch)


class PurgeFailed(Exception):
    pass


class VarnishBackend(PurgeBackend):
    def __init__(self, params: dict):
        super().__init__(params)
        self.urls = [url.rstrip("/") for url in params.get("URLS", [])]
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme not in {"http", "https"} or not parts.hostname:
                raise ImproperlyConfigured(
                    f"Varnish URL {url!r}: expected http://host:port, e.g. http://127.0.0.1:6081"
                )
        self.timeout = float(params.get("TIMEOUT", DEFAULT_TIMEOUT))
        self.max_header_bytes = int(params.get("MAX_HEADER_BYTES", DEFAULT_MAX_HEADER_BYTES))
        self.secret = params.get("SECRET", getattr(settings, "MASTHEAD_PURGE_SECRET", ""))

    def purge(self, tags: set[str]) -> None:
        runs = list(batches(tags, self.max_header_bytes))
        for url in self.urls:
            purged = 0
            try:
                for run in runs:
                    purged += self.send(url, run)
            except PurgeFailed as failure:
                log.error("purge: Varnish %s: %s (tags: %s)", url, failure, _shown(tags))
                continue
            log.info("purge: Varnish %s purged %d object(s) for %d tag(s)", url, purged, len(tags))

    def send(self, url: str, keys: str) -> int:
        """One PURGE request; the number of objects purged (0 if Varnish did not say)."""
        parts = urlsplit(url)
        connection_class = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        connection = connection_class(parts.hostname, parts.port, timeout=self.timeout)
        try:
            headers = {HEADER: keys, SECRET_HEADER: self.secret} if self.secret else {HEADER: keys}
            connection.request("PURGE", parts.path or "/", headers=headers)
            response = connection.getresponse()
            body = response.read(200)
        except (OSError, http.client.HTTPException) as error:
            raise PurgeFailed(f"no answer ({error.__class__.__name__}: {error})") from error
        finally:
            connection.close()
        if response.status != 200:
            reason = body.decode(errors="replace").strip()[:100]
            if response.status == 403 and not self.secret:
                reason += " (MASTHEAD_PURGE_SECRET is not set)"
            raise PurgeFailed(f"status {response.status} {response.reason} {reason}".rstrip())
        count = response.headers.get("xkey-purged", "").strip()
        return int(count) if count.isdigit() else 0


def _shown(tags: set[str], limit: int = 10) -> str:
    shown = sorted(tags)
    return " ".join(shown[:limit]) + (f" ... ({len(shown)} in all)" if len(shown) > limit else "")
