import pytest

from tests.factories import ArticlePageFactory, SectionPageFactory, section_named
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db


def test_nested_section_pages_include_their_childrens_stories(client):
    world = section_named("world")
    asia = section_named("asia", parent=world)
    ArticlePageFactory(parent=asia, title="China’s gift to Pak a gambit in Indian Ocean")
    ArticlePageFactory(parent=world, title="Coastal cities draw up plans for higher seas")
    text = visible_text(parse(client.get("/world/")))
    assert "China’s gift to Pak a gambit in Indian Ocean" in text  # filed under World > Asia
    assert "Coastal cities draw up plans for higher seas" in text


@pytest.mark.parametrize("page", ["abc", "-1", "0", "999999", "1.5", "%00"])
def test_a_bad_page_number_is_a_404_not_a_500(client, page):
    ArticlePageFactory(parent=section_named("top-news"), published=True)
    response = client.get(f"/top-news/?page={page}")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_section_listing_paginates_newest_first(client, home):
    section = SectionPageFactory(parent=home, title="Archive", slug="archive")
    stories = ArticlePageFactory.create_batch(25, parent=section)
    first = parse(client.get(section.url))
    second = parse(client.get(section.url + "?page=2"))
    first_titles = [visible_text(h) for h in first.xpath("//main//ol//h2")]
    second_titles = [visible_text(h) for h in second.xpath("//main//ol//h2")]
    assert first_titles == [s.title for s in reversed(stories)][:20]
    assert second_titles == [s.title for s in reversed(stories)][20:]
    assert first.xpath("//a[@rel='next']/@href") == ["?page=2"]
