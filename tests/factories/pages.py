"""The newsroom's own pages and menus, made through the same Python API an import uses."""

from masthead.pages.building import MenuEntry, add_standard_page, set_menu
from tests.factories.sites import default_home

__all__ = ["MenuEntry", "set_menu", "standard_page"]


def standard_page(title="About us", slug=None, parent=None, **fields):
    """A published standard page under the default front page (or `parent`)."""
    body = fields.pop("body", [("paragraph", f"<p>The text of {title}.</p>")])
    slug = slug or title.lower().replace(" ", "-")
    return add_standard_page(parent or default_home(), title, slug=slug, body=body, **fields)
