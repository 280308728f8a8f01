"""Pieces of every reader page rendered once per process and kept as HTML, with the
dependencies of what they show (masthead.pagecache.sitewide): a change that drops the lists
they show drops them too, so that none is ever staler than the page cache."""

from django.urls import get_script_prefix
from jinja2 import pass_context
from markupsafe import Markup

from masthead.core.sites import current_site
from masthead.pagecache.sitewide import sitewide
from masthead.reader import context_processors

SITE_NAV = "includes/site_nav.html"


def _current_marks(context) -> tuple:
    """Where the page being rendered sits in the navigation that site_nav.html shows: for each
    link that contains it, its place and whether it is the page itself. All the template reads
    of the page."""
    page = context.get("page")
    current_path = getattr(page, "path", None) or ""
    if not current_path:
        return ()
    menus = context.get("menus")
    header = getattr(menus, "header", None) if menus is not None else None
    if header:
        shown = [(link.path, link.page_id) for link in header]
    else:
        shown = [(section.path, section.pk) for section in context.get("navigation") or ()]
    return tuple(
        (place, page.pk == pk)
        for place, (path, pk) in enumerate(shown)
        if path and current_path.startswith(path)
    )


@pass_context
def site_nav(context) -> Markup:
    """The header's navigation (includes/site_nav.html), rendered once for each site and each
    way it marks the page's place (aria-current), until its menus or sections change."""
    request = context.get("request")
    site = current_site(request)
    marks = _current_marks(context)
    name = f"site-nav-{site.pk if site else None}-{get_script_prefix()}-{marks}"

    def render() -> str:
        variables = dict(context.get_all())
        # Its own menus and sections, read here, so that their dependencies are the fragment's
        # (the page's may have been read already, and recorded as the page's alone).
        for fresh in (context_processors.navigation(request), context_processors.menus(request)):
            variables |= {key: value for key, value in fresh.items() if key in variables}
        return context.environment.get_template(SITE_NAV).render(variables)

    return Markup(sitewide(name, (), render))  # noqa: S704 (the template's own escaped output)
