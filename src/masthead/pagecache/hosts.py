"""Which site a request is for, from its Host header, as Django and Wagtail decide it, in memory.

The page cache keys a page by its site, not by the Host header as sent: `example.org`,
`EXAMPLE.ORG` and `example.org:1234` are one entry when Wagtail would serve them the same site,
and a host Django refuses (ALLOWED_HOSTS) is never answered from the cache. The sites are read
from the database by a request that Django handles (`refresh`), never on the hit path, and read
again after a change to them (the `site` tag). What this process remembers about the hosts it
has seen is bounded: past `MAX_REMEMBERED` distinct Host headers it forgets them all, so made-up
hosts cost their senders a few microseconds each and never switch the cache off for anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http.request import split_domain_port, validate_host

from masthead.pagecache import deps
from masthead.pagecache.state import state

MAX_REMEMBERED = 512
REFUSED = ""


@dataclass(frozen=True, slots=True)
class SiteRow:
    pk: int
    hostname: str
    port: int
    is_default: bool


class SiteKeys:
    def __init__(self) -> None:
        self.sites: tuple[SiteRow, ...] | None = None
        self.loaded_seq = -1
        self.checked = -1  # the invalidation state's generation when they were last current
        self.remembered: dict[tuple, str] = {}
        self.forwarded_host = False  # USE_X_FORWARDED_HOST, read with the sites

    def current(self) -> bool:
        if self.sites is None:
            return False
        generation = state.generation
        if self.checked == generation:
            return True
        if state.is_fresh(self.loaded_seq, (deps.SITE,)):
            self.checked = generation
            return True
        return False

    def forget(self) -> None:
        """Read the sites, and the settings about hosts, again at the next request Django
        handles (tests change the settings)."""
        self.sites = None

    def refresh(self) -> None:
        """Read the sites again if a change to them came since the last read (a query)."""
        if self.current():
            return
        from wagtail.models import Site

        seq = state.last_seq
        rows = Site.objects.values_list("pk", "hostname", "port", "is_default_site")
        self.checked = -1
        self.forwarded_host = settings.USE_X_FORWARDED_HOST
        self.remembered = {}
        self.sites = tuple(SiteRow(*row) for row in rows)
        self.loaded_seq = seq

    def key(self, environ) -> str | None:
        """The site's part of the cache key ("site-3"), or None when the request must go to
        Django: the host is not allowed, no site serves it, or the sites are not read yet."""
        if not self.current():
            return None
        host = _raw_host(environ, self.forwarded_host)
        lookup = (host, environ.get("SERVER_PORT"), environ.get("HTTP_X_FORWARDED_PORT"))
        site = self.remembered.get(lookup)
        if site is None:
            site = self.resolve(host, _port(environ))
            if len(self.remembered) >= MAX_REMEMBERED:
                self.remembered = {}
            self.remembered[lookup] = site
        return site or None

    def resolve(self, host: str, port: int | None) -> str:
        domain, _ = split_domain_port(host)
        allowed = settings.ALLOWED_HOSTS or (
            [".localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else []
        )
        if not domain or not validate_host(domain, allowed):
            return REFUSED
        site = pick_site(self.sites or (), domain, port)
        return f"site-{site.pk}" if site is not None else REFUSED


def pick_site(sites, hostname: str, port: int | None) -> SiteRow | None:
    """Wagtail's choice (wagtail.models.sites.get_site_for_hostname), over rows in memory."""
    named = [site for site in sites if site.hostname == hostname]
    default = next((site for site in sites if site.is_default), None)
    for site in named:
        if site.port == port:
            return site
    if default is not None and default.hostname == hostname:
        return default
    if default is not None:
        return named[0] if len(named) == 1 else default
    return named[0] if len(named) == 1 else None


def _raw_host(environ, forwarded: bool) -> str:
    if forwarded and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    name, port = environ.get("SERVER_NAME", ""), str(environ.get("SERVER_PORT", ""))
    return name if port in ("80", "443", "") else f"{name}:{port}"


def _port(environ) -> int | None:
    if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in environ:
        port = environ["HTTP_X_FORWARDED_PORT"]
    else:
        port = environ.get("SERVER_PORT", "")
    port = str(port)
    return int(port) if port.isdigit() else None
