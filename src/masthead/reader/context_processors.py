"""What every reader page shows around its content, for the Jinja2 templates: the publication,
the section navigation, the header and footer menus and the breaking-news banner."""

from django.utils.functional import SimpleLazyObject

from masthead.core import sites
from masthead.curation.picks import breaking_news
from masthead.pages.menus import menus as site_menus
from masthead.sections.navigation import top_sections


def site_identity(request):
    """The publication's name and settings: every reader page shows them (no query)."""
    return sites.site_identity(request)


def navigation(request):
    """The section navigation, looked up only when a template shows it."""
    return {"navigation": SimpleLazyObject(lambda: top_sections(request))}


def menus(request):
    """The header and footer menus (masthead.pages.menus), looked up only when shown."""
    return {"menus": SimpleLazyObject(lambda: site_menus(request))}


def banner(request):
    """The breaking-news banner every reader page shows while it is current."""
    return {"breaking_news": breaking_news(request)}
