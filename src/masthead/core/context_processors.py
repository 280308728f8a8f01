from wagtail.models import Site

from masthead.core.models import SiteSettings

DEFAULT_NAME = "Masthead"


def site_identity(request):
    """The publication's name and settings: every reader page shows them (one query, cached)."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_settings": None, "site_name": DEFAULT_NAME}
    settings = SiteSettings.for_request(request)
    return {"site_settings": settings, "site_name": settings.name or site.site_name or DEFAULT_NAME}
