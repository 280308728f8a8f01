"""Links in rich text, as readers get them: a link to a page readers cannot see is no link."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from masthead.core.visibility import shared_view_restrictions


def is_public(page) -> bool:
    """Live and outside every view-restricted section, judged on this process's copy of the
    restrictions (no query; the rendered page records that it depends on them)."""
    if page is None or not page.live:
        return False
    return not any(restriction.covers(page.path) for restriction in shared_view_restrictions())


class LivePageLinkHandler(PageLinkHandler):
    """Wagtail's page links, minus the targets readers cannot see: a draft's address (which
    often spells out its headline) or a members-only story never reaches a reader, on the site
    or in a feed, as "Also read" and the API already do; the words stay, unlinked."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(page.localized.url)}">' if is_public(page) else "<a>"
            for page in cls.get_many(attrs_list)
        ]


def register_link_handler(features) -> None:
    features.register_link_type(LivePageLinkHandler)


def register() -> None:
    # After Wagtail's own registration (order 0), which it replaces.
    hooks.register("register_rich_text_features", register_link_handler, order=100)
