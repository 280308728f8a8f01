"""WordPress nav menus as the site's header and footer menus.

A WXR export lists each menu as a `nav_menu` term and each of its links as a `nav_menu_item`
post (`_menu_item_type` post_type / taxonomy / custom, `_menu_item_object_id`, `_menu_item_url`,
`_menu_item_menu_item_parent`, in `menu_order`). The export does not say which theme location
a menu had (WordPress keeps that in the theme's options, which are not exported), so the first
menu becomes the header menu and the second the footer menu; any further menu is reported.

- Header: every link in tree order (a sub-item follows its parent; the header has no levels).
- Footer: a link with sub-items names a column: its sub-items get its label as their group
  heading (the link itself heads the column when it goes somewhere, `#` does not).
- A link to an imported page, post or category points at the standard page, story or section;
  an address of the old site becomes a path on this one (its old path redirects); any other
  address is kept when a menu may show it (`masthead.pages.links`), else refused and reported.

Idempotent by the menu's WordPress ID: a rerun whose links are the same writes nothing; a menu
an editor changed after the import is kept unless `--force`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page, Site

from masthead.pages.building import MENU_ITEM_MODELS, MenuEntry, set_menu
from masthead.pages.links import validate_menu_url
from masthead.pages.models import MenuSettings
from masthead.wordpress import sanitise, wxr
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import IMPORTED, SKIPPED, UNCHANGED, UPDATED, Outcome

WHICH = ("header", "footer")
OBJECT_KINDS = {"page": "page", "post": "post", "category": "category"}


@dataclass
class Link:
    """One `nav_menu_item`, as much as a menu needs of it."""

    wp_id: int
    menu: str  # the menu's slug
    order: int
    parent: int
    type: str
    object: str
    object_id: int
    url: str
    title: str
    label: str  # for the report

    @classmethod
    def of(cls, item: wxr.Item) -> Link | None:
        menus = [slug for domain, slug, _name in item.terms if domain == "nav_menu"]
        if not menus:
            return None
        meta = item.meta
        return cls(
            wp_id=item.wp_id,
            menu=menus[0],
            order=item.menu_order,
            parent=_int(meta.get("_menu_item_menu_item_parent", "")),
            type=meta.get("_menu_item_type", "").strip(),
            object=meta.get("_menu_item_object", "").strip(),
            object_id=_int(meta.get("_menu_item_object_id", "")),
            url=meta.get("_menu_item_url", "").strip(),
            title=sanitise.plain(item.title)[:80],
            label=item.label,
        )


def _int(value: str) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() else 0


def import_menus(site_url: str, menus: list[wxr.Term], links: list[Link], force, outcome):
    """Write the header and footer menus of the default site from the export's menus."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not menus:
        return
    for position, menu in enumerate(menus):
        if position >= len(WHICH):
            outcome.count(
                "menu", SKIPPED, f"menu {menu.name}", "Masthead has two menus: header and footer"
            )
            continue
        which = WHICH[position]
        own = sorted((link for link in links if link.menu == menu.slug), key=_order)
        entries = _entries(which, own, site_url, outcome)
        with transaction.atomic():
            _write(site, which, menu, entries, site_url, force, outcome)


def _order(link: Link):
    return (link.order, link.wp_id)


def _entries(which: str, links: list[Link], site_url: str, outcome: Outcome) -> list[MenuEntry]:
    by_parent: dict[int, list[Link]] = {}
    ids = {link.wp_id for link in links}
    for link in links:
        by_parent.setdefault(link.parent if link.parent in ids else 0, []).append(link)
    entries: list[MenuEntry] = []

    def walk(parent: int, group: str, depth: int) -> None:
        for link in by_parent.get(parent, []):
            entry = _entry(link, site_url, outcome)
            children = by_parent.get(link.wp_id, [])
            heading = group
            if which == "footer" and depth == 0 and children:
                heading = (link.title or _title(entry))[:60]
            if entry is not None:
                entries.append(_grouped(entry, heading if which == "footer" else ""))
            if which == "header" and depth > 0:
                outcome.warn(link.label, "a sub-item: the header menu lists it after its parent")
            walk(link.wp_id, heading, depth + 1)

    walk(0, "", 0)
    return entries


def _grouped(entry: MenuEntry, group: str) -> MenuEntry:
    return MenuEntry(page=entry.page, url=entry.url, label=entry.label, group=group)


def _title(entry: MenuEntry | None) -> str:
    if entry is None:
        return ""
    return entry.label or (entry.page.title if entry.page else "")


def _entry(link: Link, site_url: str, outcome: Outcome) -> MenuEntry | None:
    """The link's target here, or None (reported) where it has none a reader may follow."""
    if link.type in {"post_type", "taxonomy"}:
        kind = OBJECT_KINDS.get(link.object)
        row = (
            ImportedObject.objects.filter(site_url=site_url, kind=kind, wp_id=link.object_id)
            .exclude(object_id=None)
            .first()
            if kind
            else None
        )
        page = Page.objects.filter(pk=row.object_id).first() if row else None
        if page is None or not page.live:
            outcome.count(
                "menu item",
                SKIPPED,
                link.label,
                f"links to {link.object} {link.object_id}, which was not imported or is not public",
            )
            return None
        return MenuEntry(page=page, label=link.title if link.title != page.title else "")
    url = link.url
    if url in {"", "#"}:
        return None  # a heading only
    old = urlsplit(site_url) if site_url else None
    parts = urlsplit(url)
    if old is not None and parts.scheme in {"http", "https"} and parts.netloc == old.netloc:
        url = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        validate_menu_url(url)
    except ValidationError as error:
        outcome.count("menu item", SKIPPED, link.label, f"address refused: {error.messages[0]}")
        return None
    return MenuEntry(url=url, label=link.title or url[:80])


def _current(site, which: str) -> list[list]:
    settings = MenuSettings.objects.filter(site=site).first()
    if settings is None:
        return []
    items = MENU_ITEM_MODELS[which].objects.filter(menu=settings).order_by("sort_order")
    return [[item.page_id, item.url, item.label, getattr(item, "group", "")] for item in items]


def _serialised(which: str, entries: list[MenuEntry]) -> list[list]:
    return [
        [
            entry.page.pk if entry.page else None,
            entry.url,
            entry.label,
            entry.group if which == "footer" else "",
        ]
        for entry in entries
    ]


def _write(site, which, menu: wxr.Term, entries, site_url, force, outcome: Outcome) -> None:
    what = f"menu {menu.name} ({which})"
    wanted = _serialised(which, entries)
    current = _current(site, which)
    known = ImportedObject.objects.filter(
        site_url=site_url, kind="menu", wp_id=menu.wp_id or 0
    ).first()
    if current == wanted:
        outcome.count("menu", UNCHANGED)
    elif current and not force and (known is None or current != known.data.get("entries")):
        reason = (
            "edited in Masthead since the import (--force overwrites)"
            if known
            else f"the site already has a {which} menu (--force replaces it)"
        )
        outcome.count("menu", SKIPPED, what, reason)
        return
    else:
        set_menu(site, which, entries)
        outcome.count("menu", UPDATED if known else IMPORTED, what, "")
    ImportedObject.objects.update_or_create(
        site_url=site_url,
        kind="menu",
        wp_id=menu.wp_id or 0,
        defaults={
            "object_id": site.pk,
            "fingerprint": "",
            "wp_slug": menu.slug,
            "data": {"which": which, "entries": wanted},
        },
    )
