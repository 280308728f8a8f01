"""Links in rich text, as readers get them: a link to a story that is not live is no link."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler


class LivePageLinkHandler(PageLinkHandler):
    """Wagtail's page links, minus the unpublished targets: a draft's address (which often
    spells out its headline) never reaches a reader; the words stay, unlinked."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(page.localized.url)}">' if page is not None and page.live else "<a>"
            for page in cls.get_many(attrs_list)
        ]


def register_link_handler(features) -> None:
    features.register_link_type(LivePageLinkHandler)


def register() -> None:
    # After Wagtail's own registration (order 0), which it replaces.
    hooks.register("register_rich_text_features", register_link_handler, order=100)
