"""Attachments fetched from the old site (`--media-base-url`): only http(s) URLs under that
base, no redirect to another host (or out of the base), a size and a time limit. The file is
written to a temporary folder and then read as `--uploads` would read it."""

from __future__ import annotations

import tempfile
import urllib.request
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from masthead.wordpress.media import Unusable, relative_upload_path

TIMEOUT = 20  # seconds, per request
MAX_BYTES = 20 * 1024 * 1024


def under(url: str, base: str) -> bool:
    """Whether `url` is an http(s) address below `base` (same scheme, host and port)."""
    target, root = urlsplit(url), urlsplit(base)
    if target.scheme not in {"http", "https"} or (target.scheme, target.netloc) != (
        root.scheme,
        root.netloc,
    ):
        return False
    return target.path.startswith(root.path.rstrip("/") + "/") and ".." not in target.path


class _SameBase(urllib.request.HTTPRedirectHandler):
    def __init__(self, base: str):
        self.base = base

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not under(newurl, self.base):
            raise Unusable(f"redirected away from {self.base}: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Downloads into a temporary uploads folder, mirroring wp-content/uploads."""

    def __init__(self, base: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT):
        if urlsplit(base).scheme not in {"http", "https"}:
            raise ValueError("--media-base-url must start with http:// or https://")
        self.base = base if base.endswith("/") else f"{base}/"
        self.max_bytes, self.timeout = max_bytes, timeout
        self.folder = Path(tempfile.mkdtemp(prefix="masthead-wp-media-"))
        # No proxies from the environment: the request goes to the base's host and nowhere else.
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), _SameBase(self.base)
        )

    def fetch(self, url: str) -> None:
        """Put the file at `url` where `--uploads` would look for it, or raise Unusable."""
        if not under(url, self.base):
            raise Unusable(f"not under --media-base-url: {url}")
        relative = relative_upload_path(url)
        if not relative:
            raise Unusable(f"not a /wp-content/uploads/ address: {url}")
        target = (self.folder / relative).resolve()
        if not target.is_relative_to(self.folder.resolve()):
            raise Unusable(f"the path leaves the uploads folder: {relative}")
        try:
            with self.opener.open(url, timeout=self.timeout) as response:
                length = int(response.headers.get("Content-Length") or 0)
                if length > self.max_bytes:
                    raise Unusable(f"larger than {self.max_bytes:,} bytes: {url}")
                data = response.read(self.max_bytes + 1)
        except (HTTPError, URLError, TimeoutError, OSError) as error:
            raise Unusable(f"could not fetch {url}: {error}") from error
        if len(data) > self.max_bytes:
            raise Unusable(f"larger than {self.max_bytes:,} bytes: {url}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
