"""The header and footer menus as readers see them: each link resolved to its label and URL,
links to unpublished, deleted or private pages left out. Read once per process and again only
when a menu, or a page it may show, changes (masthead.pages.invalidation)."""

from __future__ import annotations

from dataclasses import dataclass

from masthead.core.sites import current_site
from masthead.core.visibility import shared_view_restrictions
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.pages.groups import runs
from masthead.pages.models import MenuSettings


@dataclass(frozen=True)
class MenuLink:
    label: str
    url: str
    path: str = ""  # the page's tree path, for aria-current; "" for an address
    page_id: int | None = None


@dataclass(frozen=True)
class MenuGroup:
    heading: str  # "" for links under no heading
    links: tuple[MenuLink, ...]


@dataclass(frozen=True)
class Menus:
    header: tuple[MenuLink, ...]  # empty: the header shows the sections (site_nav.html)
    footer: tuple[MenuGroup, ...]

    def footer_links_to(self, url: str) -> bool:
        """Whether the footer menu has a link to `url` (the footer adds the feeds otherwise)."""
        return any(link.url == url for group in self.footer for link in group.links)


NO_MENUS = Menus((), ())


def _link(item, site, restrictions) -> MenuLink | None:
    if item.url:
        return MenuLink(item.label, item.url.strip())
    page = item.page
    if page is None:  # the page was deleted
        return None
    deps.record(deps.page_tag(page.pk))
    if not page.live or any(restriction.covers(page.path) for restriction in restrictions):
        return None
    url = page.relative_url(site)
    if not url:  # not on any site
        return None
    return MenuLink(item.label or page.title, url, page.path, page.pk)


def _load(site) -> Menus:
    settings = MenuSettings.objects.filter(site=site).first()
    if settings is None:
        return NO_MENUS
    restrictions = shared_view_restrictions()
    header = []
    for item in settings.header_items.select_related("page").order_by("sort_order", "pk"):
        link = _link(item, site, restrictions)
        if link is not None:
            header.append(link)
    items = [
        (item, _link(item, site, restrictions))
        for item in settings.footer_items.select_related("page").order_by("sort_order", "pk")
    ]
    shown = [(item.group, link) for item, link in items if link is not None]
    footer = tuple(
        MenuGroup(heading, tuple(shown[position - 1][1] for position in positions))
        for heading, positions in runs(group for group, _ in shown)
    )
    return Menus(tuple(header), footer)


def site_menus(site) -> Menus:
    """The site's menus as this process last read them (shared by every request: read-only)."""
    if site is None:
        return NO_MENUS
    return sitewide(
        f"menus-{site.pk}", {deps.NAV, deps.SITE, deps.RESTRICTIONS}, lambda: _load(site)
    )


def menus(request) -> Menus:
    return site_menus(current_site(request))
