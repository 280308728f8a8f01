"""Making standard pages and menus from code (the demo, an import): the same objects, checks
and publication an editor's clicks in the admin make.

    about = add_standard_page(home, "About us", slug="about", role="about",
                              body=[("paragraph", "<p>Who we are.</p>")])
    set_menu(site, "footer", [MenuEntry(page=about, group="About us"),
                              MenuEntry(url="/feed/", label="RSS feed", group="Follow")])
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from masthead.pages.models import FooterMenuItem, HeaderMenuItem, MenuSettings, StandardPage

MENU_ITEM_MODELS = {"header": HeaderMenuItem, "footer": FooterMenuItem}


@dataclass(frozen=True)
class MenuEntry:
    page: Page | None = None
    url: str = ""
    label: str = ""
    group: str = ""  # footer only: the heading of the column it belongs to


def add_standard_page(
    home,
    title: str,
    *,
    slug: str,
    body: list[tuple[str, object]] = (),
    standfirst: str = "",
    role: str = "",
    last_updated: date | None = None,
    publish: bool = True,
    **fields,
) -> StandardPage:
    """A standard page under the front page `home`, checked as the admin checks it (a taken
    role or a reserved slug raises ValidationError), saved as a revision and, unless
    `publish=False`, published. `body`: StreamField blocks as (type, value) pairs."""
    page = StandardPage(
        title=title,
        slug=slug,
        standfirst=standfirst,
        body=list(body),
        role=role,
        last_updated=last_updated,
        live=publish,
        **fields,
    )
    home.add_child(instance=page)  # runs full_clean()
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


@transaction.atomic
def set_menu(site, which: str, entries: list[MenuEntry]) -> MenuSettings:
    """Replace the site's header or footer menu with `entries`, in that order; each entry is
    checked as the admin checks it (ValidationError naming the entry and its field)."""
    if which not in MENU_ITEM_MODELS:
        raise ValueError(f"No menu is called {which!r}: choose 'header' or 'footer'.")
    settings, _ = MenuSettings.objects.get_or_create(site=site)
    model = MENU_ITEM_MODELS[which]
    items = []
    for position, entry in enumerate(entries):
        fields = {"page": entry.page, "url": entry.url, "label": entry.label}
        if which == "footer":
            fields["group"] = entry.group
        item = model(menu=settings, sort_order=position, **fields)
        try:
            item.full_clean(exclude=["menu"])
        except ValidationError as error:
            message = f"The {which} menu's link {position + 1} ({entry}): {error}"
            raise ValidationError(message) from error
        items.append(item)
    model.objects.filter(menu=settings).delete()
    model.objects.bulk_create(items)
    settings.save()  # one invalidation of every page, after the items are written
    return settings
