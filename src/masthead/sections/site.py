"""Keeping Wagtail's Site in step with MASTHEAD_BASE_URL, the one source of the site's address."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


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
