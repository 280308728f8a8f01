from datetime import timedelta

import pytest
from django.utils import timezone

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


def test_every_page_of_a_long_listing_shows_the_next_stories_in_order(client, home):
    """Later pages are read from the listing's other end: together the pages still show every
    story once, newest first (ties by id), subsections' stories included, a sibling's not."""
    section = SectionPageFactory(parent=home, title="Archive", slug="archive")
    inner = SectionPageFactory(parent=section, title="Inner", slug="inner")
    sibling = SectionPageFactory(parent=home, title="Archives", slug="archives")
    ArticlePageFactory(parent=sibling, title="Filed next door")
    same_moment = timezone.now() - timedelta(days=3)
    stories = [
        ArticlePageFactory(
            parent=inner if n % 3 else section,
            published_at=same_moment if n % 7 == 0 else same_moment + timedelta(minutes=n),
        )
        for n in range(45)
    ]
    expected = [
        s.title for s in sorted(stories, key=lambda s: (s.published_at, s.pk), reverse=True)
    ]
    shown = []
    for number in (1, 2, 3):
        page = parse(client.get(f"{section.url}?page={number}"))
        shown += [visible_text(h) for h in page.xpath("//main//ol//h2")]
        assert visible_text(page.xpath("//main//nav//span")[0]) == f"Page {number} of 3"
    assert shown == expected
    assert client.get(f"{section.url}?page=4").status_code == 404
