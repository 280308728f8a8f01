"""Which requests the page cache may answer, and under which key, read from the WSGI environ so
that a hit is answered before Django runs."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

# Asked for by readers' links from newsletters and social networks; the page is the same.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "_ga"}
)
# The only parameter reader pages read; any other makes the request uncacheable, so that
# made-up query strings cannot fill the cache.
PAGE_PARAMETERS = frozenset({"page"})


class Rules:
    def __init__(self, excluded_prefixes, bypass_cookies):
        self.excluded_prefixes = tuple(excluded_prefixes)
        self.bypass_cookies = tuple(f"{name}=" for name in bypass_cookies)

    def key(self, environ) -> str | None:
        """The cache key of a request readers share, or None when it must go to Django."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        path = environ.get("PATH_INFO", "/")
        if path.startswith(self.excluded_prefixes):
            return None
        if "HTTP_AUTHORIZATION" in environ:
            return None
        cookies = environ.get("HTTP_COOKIE")
        if cookies and any(name in cookies for name in self.bypass_cookies):
            return None
        query = environ.get("QUERY_STRING")
        if not query:
            return path
        kept = []
        for name, value in parse_qsl(query, keep_blank_values=True):
            if name in PAGE_PARAMETERS:
                kept.append((name, value))
            elif not (name in TRACKING_PARAMETERS or name.startswith("utm_")):
                return None
        return f"{path}?{urlencode(sorted(kept))}" if kept else path
