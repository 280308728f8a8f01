"""The outermost WSGI layer: every answer, whether Django, the page cache (hits and 304s) or
WhiteNoise made it, gets the security headers, and plain-http requests go to the https origin."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.conf import settings

from masthead.pagecache.http import HitHeaders
from masthead.security import policy

# Merged lists kept per page-cache hit headers: one per kind of answer (reader or editor, secure
# or not), and a few more for settings that tests change.
MERGED_KEPT = 8


@dataclass(frozen=True, slots=True, eq=False)
class Added:
    """What one kind of answer gets unless it has it. Compared by identity: the merged headers a
    hit's headers keep for one `Added` are never taken for another's (built from other
    settings)."""

    headers: tuple[tuple[str, tuple[str, str]], ...]  # (lower-case name, header)

    def merged(self, response_headers: list) -> list:
        present = {name.lower() for name, _ in response_headers}
        return response_headers + [header for name, header in self.headers if name not in present]

    def to(self, response_headers: list) -> list:
        """`response_headers` with the headers it lacks; worked out once per page-cache
        entry and encoding for its hits (`HitHeaders`), copied since a server may change it."""
        if type(response_headers) is not HitHeaders:
            return self.merged(response_headers)
        derived = response_headers.derived
        merged = derived.get(self)
        if merged is None:
            if len(derived) >= MERGED_KEPT:
                derived.clear()
            merged = derived[self] = self.merged(response_headers)
        return merged.copy()


@dataclass(frozen=True, slots=True)
class Headers:
    # (is the path the editor's, is the request secure) -> the headers its answers get
    added: dict[tuple[bool, bool], Added]
    proxy_header: tuple[str, str] | None
    redirect_to: str | None

    @classmethod
    def from_settings(cls) -> Headers:
        https = urlsplit(settings.MASTHEAD_BASE_URL).scheme == "https"
        common = policy.common_headers()
        csp = "Content-Security-Policy"
        lists = {
            False: [*common, (csp, policy.serialise(policy.reader_policy(), https))],
            True: [*common, (csp, policy.serialise(policy.admin_policy(), https))],
        }
        hsts = policy.hsts_header()
        added = {}
        for admin, headers in lists.items():
            for secure in (False, True):
                chosen = [*headers, hsts] if secure and hsts else headers
                added[admin, secure] = Added(tuple((name.lower(), (name, v)) for name, v in chosen))
        return cls(
            added=added,
            proxy_header=settings.SECURE_PROXY_SSL_HEADER,
            redirect_to=settings.MASTHEAD_BASE_URL if settings.SECURE_SSL_REDIRECT else None,
        )

    def is_secure(self, environ) -> bool:
        if self.proxy_header is None:
            return environ.get("wsgi.url_scheme") == "https"
        name, value = self.proxy_header
        return environ.get(name, "").split(",", 1)[0].strip() == value


class SecureResponses:
    def __init__(self, application):
        self.application = application
        self.headers: Headers | None = None  # built at the first request, once settings load

    def __call__(self, environ, start_response):
        headers = self.headers
        if headers is None:
            headers = self.headers = Headers.from_settings()
        secure = headers.is_secure(environ)
        if headers.redirect_to and not secure:
            return redirect(headers.redirect_to, environ, start_response)
        admin = environ.get("PATH_INFO", "").startswith(policy.ADMIN_PREFIX)
        added = headers.added[admin, secure]

        def start(status, response_headers, exc_info=None):
            return start_response(status, added.to(response_headers), exc_info)

        return self.application(environ, start)


def redirect(origin: str, environ, start_response):
    """301 to the same path and query on the site's https origin (never to the Host header's)."""
    path = environ.get("PATH_INFO", "").encode("latin-1") or b"/"
    location = origin + quote(path, safe="/%;:@&=+$,!~*'()")
    if environ.get("QUERY_STRING"):
        location += "?" + environ["QUERY_STRING"]
    start_response(
        "301 Moved Permanently",
        [
            ("Location", location),
            ("Content-Length", "0"),
            ("Content-Type", "text/plain; charset=utf-8"),
        ],
    )
    return []
