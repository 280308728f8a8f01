"""Pieces of every reader page rendered once per process and kept as HTML, with the
dependencies of what they show (masthead.pagecache.sitewide): a change that drops the lists
they show drops them too, so that none is ever staler than the page cache."""

from django.urls import get_script_prefix
from jinja2 import pass_context
from markupsafe import Markup

from masthead.articles.queries import sort_key
from masthead.core.sites import current_site
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.reader import context_processors

SITE_NAV = "includes/site_nav.html"
LATEST_FROM = "includes/latest_from.html"


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


def _where(context) -> str:
    """What a fragment's HTML depends on beyond its own marks: the site its links are on, and
    the script prefix in front of them."""
    site = current_site(context.get("request"))
    return f"{site.pk if site else None}-{get_script_prefix()}"


@pass_context
def site_nav(context) -> Markup:
    """The header's navigation (includes/site_nav.html), rendered once for each site and each
    way it marks the page's place (aria-current), until its menus or sections change."""
    request = context.get("request")
    name = f"site-nav-{_where(context)}-{_current_marks(context)}"

    def render() -> str:
        variables = dict(context.get_all())
        # Its own menus and sections, read here, so that their dependencies are the fragment's
        # (the page's may have been read already, and recorded as the page's alone).
        for fresh in (context_processors.navigation(request), context_processors.menus(request)):
            variables |= {key: value for key, value in fresh.items() if key in variables}
        return context.environment.get_template(SITE_NAV).render(variables)

    return Markup(sitewide(name, (), render))  # noqa: S704 (the template's own escaped output)


@pass_context
def latest_from(context) -> Markup:
    """A story page's "Latest from <section>" (includes/latest_from.html), rendered once for
    each list of stories it shows, until the section, its list or one of them changes. Every
    story older than the list shows the same list; a story in it (or newer) is left out of its
    own list, so its list is kept under its own name, as each way the page marks the nav is."""
    stories = context.get("latest_from_section") or ()
    section = context.get("section")
    if not stories or section is None:
        return Markup("")
    page = context.get("page")
    shown = tuple(story.pk for story in stories)
    in_list = page is not None and page.pk is not None and sort_key(page) > sort_key(stories[-1])
    name = f"latest-from-{_where(context)}-{section.pk}-{page.pk if in_list else None}"
    tags = {
        deps.page_tag(section.pk),
        deps.section_list_tag(section.pk),
        deps.RESTRICTIONS,
        *(deps.page_tag(pk) for pk in shown),
    }

    def render() -> str:
        return context.environment.get_template(LATEST_FROM).render(context.get_all())

    html = sitewide(name, tags, render, version=shown)
    return Markup(html)  # noqa: S704 (the template's own escaped output)
