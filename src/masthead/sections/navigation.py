"""The site's navigation: the sections a reader can open from every page's header."""

from masthead.core.sites import site_root
from masthead.core.visibility import shared_view_restrictions
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.sections.tree import section_tree


def _menu_sections(root) -> list:
    restrictions = shared_view_restrictions()
    return [
        section
        for section in section_tree().children(root)
        if section.live
        and section.show_in_menus
        and not any(restriction.covers(section.path) for restriction in restrictions)
    ]


def top_sections(request):
    """The sections shown in the site's navigation, in the editors' tree order: the live, public
    sections below the front page that are shown in menus (no query: the process's copy)."""
    root = site_root(request)
    if root is None:
        return []
    return sitewide(f"navigation-{root.pk}", {deps.NAV}, lambda: _menu_sections(root))
