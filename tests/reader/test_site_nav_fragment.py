"""The header's navigation is rendered once per process and kept as HTML: it must still show
each page's place in it, and change as soon as the sections it lists change."""

import pytest

from tests.factories import ArticlePageFactory, section_named
from tests.pages import parse

pytestmark = pytest.mark.django_db


def nav(client, path):
    client.cookies["sessionid"] = "reader"  # past the page cache: every request is rendered
    page = parse(client.get(path))
    return [
        (link.text_content().strip(), link.get("aria-current"))
        for link in page.xpath("//nav[@class='masthead__nav']//a")
    ]


def test_the_navigation_marks_each_page_and_shows_a_renamed_section_at_once(client):
    world, business = section_named("world"), section_named("business")
    story = ArticlePageFactory(parent=world)
    assert nav(client, story.url) == [("World", "true"), ("Business", None)]
    assert nav(client, business.url) == [("World", None), ("Business", "page")]
    assert nav(client, "/") == [("World", None), ("Business", None)]

    world.title = "The World"
    world.save_revision().publish()

    assert nav(client, story.url) == [("The World", "true"), ("Business", None)]
    assert nav(client, "/") == [("The World", None), ("Business", None)]
