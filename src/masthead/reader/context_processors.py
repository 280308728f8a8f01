from masthead.core.models import SiteSettings
from masthead.core.sites import current_site
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide

DEFAULT_NAME = "Masthead"


def _load_settings(site) -> SiteSettings:
    """The site's settings with the logo and its renditions (created if there are none yet)."""
    queryset = SiteSettings.base_queryset().select_related("logo")
    settings, _ = queryset.prefetch_related("logo__renditions").get_or_create(site=site)
    return settings


def site_settings(site) -> SiteSettings:
    """The site's settings as this process last read them; shared by every request: read-only."""
    return sitewide(f"site-settings-{site.pk}", {deps.SITE}, lambda: _load_settings(site))


def site_identity(request):
    """The publication's name and settings: every reader page shows them (no query)."""
    site = current_site(request)
    if site is None:
        return {"site_settings": None, "site_name": DEFAULT_NAME}
    settings = site_settings(site)
    return {"site_settings": settings, "site_name": settings.name or site.site_name or DEFAULT_NAME}
