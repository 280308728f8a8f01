"""Which requests the page cache may answer, and under which key, read from the WSGI environ so
that a hit is answered before Django runs."""

from __future__ import annotations

from urllib.parse import parse_qsl

# Asked for by readers' links from newsletters and social networks; the page is the same.
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "_ga"}
)
# The only parameter reader pages read; any other makes the request uncacheable, so that
# made-up query strings cannot fill the cache. Only its canonical form is cached ("2", not
# "02", "+2" or "２"; "1" is the page itself), given once, and only by views that paginate
# (the middleware checks `deps.Recording.paginated`).
PAGE = "page"
PAGE_DIGITS = 6


def canonical_page(value: str) -> bool:
    return 0 < len(value) <= PAGE_DIGITS and value.isascii() and value.isdigit() and value[0] != "0"


class Rules:
    def __init__(self, excluded_prefixes, bypass_cookies, sites):
        self.excluded_prefixes = tuple(excluded_prefixes)
        self.bypass_cookies = tuple(f"{name}=" for name in bypass_cookies)
        self.sites = sites

    def key(self, environ) -> str | None:
        """The cache key of a request readers share ("site-1 /path/?page=2"), or None when it
        must go to Django."""
        key = self.path_key(environ)
        if key is None:
            return None
        site = self.sites.key(environ)
        return None if site is None else f"{site} {key}"

    def path_key(self, environ) -> str | None:
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
        page = None
        for name, value in parse_qsl(query, keep_blank_values=True):
            if name == PAGE:
                if page is not None or not canonical_page(value):
                    return None  # given twice, or not in its one cached form
                page = value
            elif not (name in TRACKING_PARAMETERS or name.startswith("utm_")):
                return None
        return path if page is None or page == "1" else f"{path}?{PAGE}={page}"
