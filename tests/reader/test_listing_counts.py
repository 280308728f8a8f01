"""A listing's pages (a section with its subsections, a tag, an author) are numbered from the
archive's totals, not from a count of the rows: the last page appears and goes as stories are
published and withdrawn, and lists what the first pages leave over."""

import pytest

from masthead.reader.listings import SECTION_PAGE_SIZE
from tests.factories import (
    ArticlePageFactory,
    PersonFactory,
    SectionPageFactory,
    publish,
)
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(home):
    world = SectionPageFactory(parent=home, title="World", slug="world")
    asia = SectionPageFactory(parent=world, title="Asia", slug="asia")
    writer = PersonFactory(name="Nadia Khan", slug="nadia-khan")
    stories = [
        ArticlePageFactory(
            parent=asia if n % 2 else world, tags=["Floods"], bylines=[writer], published=True
        )
        for n in range(SECTION_PAGE_SIZE + 1)
    ]
    return {"urls": ["/world/", "/tags/floods/", "/authors/nadia-khan/"], "stories": stories}


HEADLINES = "//main//ol/li//*[self::h2 or self::h3]"  # author pages list under an h2 of their own


def titles(client, url) -> list[str]:
    return [visible_text(h) for h in parse(client.get(url)).xpath(HEADLINES)]


def test_the_last_page_follows_a_withdrawal_and_a_new_story(client, listings):
    oldest = listings["stories"][0]
    for url in listings["urls"]:
        assert titles(client, url + "?page=2") == [oldest.title], url
    listings["stories"][5].unpublish()
    for url in listings["urls"]:
        assert client.get(url + "?page=2").status_code == 404, url  # 20 left: one page
        assert oldest.title in titles(client, url), url
    story = listings["stories"][5]
    publish(story)
    for url in listings["urls"]:
        assert titles(client, url + "?page=2") == [oldest.title], url
