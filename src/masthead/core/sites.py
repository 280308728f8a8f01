"""The request's site: Wagtail's Site kept in step with MASTHEAD_BASE_URL, and found for each
reader request from a per-process copy of the sites (no query per request); its publication's
name and settings, from the same kind of copy."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.models.sites import (  # Wagtail's order of preference when several sites answer
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
)

from masthead.core.models import SiteSettings
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide

DEFAULT_NAME = "Masthead"  # a site with no name of its own


def base_url_address(base_url: str | None = None) -> tuple[str, int]:
    parts = urlsplit(base_url or settings.MASTHEAD_BASE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(site_name: str | None = None) -> Site:
    """Point the default site at MASTHEAD_BASE_URL's host and port (and rename it if asked)."""
    site = Site.objects.get(is_default_site=True)
    hostname, port = base_url_address()
    changed = {"hostname": hostname, "port": port}
    if site_name:
        changed["site_name"] = site_name
    if any(getattr(site, field) != value for field, value in changed.items()):
        for field, value in changed.items():
            setattr(site, field, value)
        site.save()
    return site


def _load_sites() -> list[Site]:
    """Every site, each with its root page as its specific type (the front page)."""
    sites = list(Site.objects.select_related("root_page").order_by("pk"))
    roots = Page.objects.filter(pk__in=[site.root_page_id for site in sites]).specific()
    roots_by_pk = {root.pk: root for root in roots}
    for site in sites:
        site.root_page = roots_by_pk.get(site.root_page_id, site.root_page)
    return sites


def all_sites() -> list[Site]:
    """The sites as this process last read them, read again when a site changes or the
    navigation does (a front page renamed, moved or unpublished); shared between requests, so
    read-only. (A root page's own content is read with its own page type's copy.)"""
    return sitewide("sites", {deps.SITE, deps.NAV}, _load_sites)


def site_for_host(hostname: str, port) -> Site | None:
    """The site for this host and port, chosen as Wagtail's get_site_for_hostname chooses."""
    try:
        port = int(port)  # the request's port is a string; the database compares numbers
    except (TypeError, ValueError):
        port = None
    ranked = []
    for site in all_sites():
        if site.hostname == hostname:
            if site.port == port:
                rank = MATCH_HOSTNAME_PORT
            elif site.is_default_site:
                rank = MATCH_HOSTNAME_DEFAULT
            else:
                rank = MATCH_HOSTNAME
        elif site.is_default_site:
            rank = MATCH_DEFAULT
        else:
            continue
        ranked.append((rank, site))
    ranked.sort(key=lambda pair: (pair[0], pair[1].pk))
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][0] in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return ranked[0][1]
    if ranked[0][0] == MATCH_DEFAULT:
        # The default, unless exactly one site has this host name (on another port).
        return ranked[len(ranked) == 2][1]
    return None


def current_site(request) -> Site | None:
    """Site.find_for_request without its query: the same site, stored where Wagtail looks for
    it (`request._wagtail_site`), so that Wagtail's own lookups on this request find it too."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for_host(hostname, request.get_port())
    return request._wagtail_site


def site_root(request):
    """The root page of the request's site as its specific type (the front page), or None."""
    site = current_site(request)
    return site.root_page if site is not None else None


def _load_settings(site) -> SiteSettings:
    """The site's settings with the logo and its renditions; the defaults, unsaved, where no
    one has saved any yet. A reader's request writes nothing: creating the row here made the
    first request to a new site invalidate every page of it (and, in a process with no
    invalidation listener, left every site-wide block stale, read again on each request)."""
    queryset = SiteSettings.base_queryset().select_related("logo")
    found = queryset.prefetch_related("logo__renditions").filter(site=site).first()
    return found if found is not None else SiteSettings(site=site)


def site_settings(site) -> SiteSettings:
    """The site's settings as this process last read them; shared by every request: read-only."""
    return sitewide(f"site-settings-{site.pk}", {deps.SITE}, lambda: _load_settings(site))


def site_identity(request) -> dict:
    """The publication's name and settings, for the request's site (no query)."""
    site = current_site(request)
    if site is None:
        return {"site_settings": None, "site_name": DEFAULT_NAME}
    own = site_settings(site)
    return {"site_settings": own, "site_name": own.name or site.site_name or DEFAULT_NAME}
