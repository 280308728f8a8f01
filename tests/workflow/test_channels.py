"""Stories readers must not see yet appear on no public channel: the demo pipeline's
"Unpublished" ones (a draft, one in review, one scheduled and one embargoed a year ahead) and a
pulled story."""

import re

import pytest
from lxml import etree

from masthead.articles.models import ArticlePage
from tests.factories import (
    ArticlePageFactory,
    publish,
    section_named,
    small_newsroom,
    unpublished_pipeline,
)
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

READER_PAGES = [
    "/",
    "/world/",
    "/tags/pakistan/",
    "/authors/amara-okafor/",
    "/authors/asian-lite-news/",
    "/world/coastal-cities-plan-for-higher-seas/",  # Latest from World, previous/next
    "/top-news/pakistan-quietly-greenlights-security-pact-with-us/",
    "/search/?q=harbour",
    "/search/?q=audit+report",
    "/search/?q=rail+fares",
    "/corrections/",
    "/feed/",
    "/feed/atom/",
    "/world/feed/",
    "/tags/pakistan/feed/",
    "/authors/amara-okafor/feed/",
    "/news-sitemap.xml",
    "/robots.txt",
    "/api/stories/",
    "/api/stories/?section=world",
    "/api/stories/?tag=pakistan",
    "/api/stories/?author=amara-okafor",
]


def _newsroom():
    """Each kind of reader page, a World story between two others, and the pipeline in World."""
    newsroom = small_newsroom()
    world = section_named("world")
    ArticlePageFactory(parent=world, published=True)
    ArticlePageFactory(parent=world, slug="coastal-cities-plan-for-higher-seas", published=True)
    ArticlePageFactory(parent=world, published=True)
    unpublished_pipeline(world)
    return newsroom


newsroom = module_world(_newsroom)


def sitemap_parts(client) -> list[str]:
    index = etree.fromstring(client.get("/sitemap.xml").content)
    locations = index.xpath("//*[local-name()='loc']/text()")
    return ["/" + re.sub(r"^https?://[^/]+/", "", loc) for loc in locations]


def channels(client) -> dict[str, str]:
    urls = READER_PAGES + ["/sitemap.xml", *sitemap_parts(client)]
    return {url: client.get(url).content.decode() for url in urls}


@pytest.fixture
def pulled(client):
    story = publish(
        ArticlePageFactory(
            parent=section_named("world"),
            title="Unpublished after all: the pulled story",
            slug="pulled-story",
        )
    )
    story.tags.add("Pakistan")
    publish(story)
    assert "Unpublished after all" in client.get("/world/").content.decode()
    story.unpublish()
    return story


def test_the_pipeline_is_in_every_state():
    stories = {s.slug: s for s in ArticlePage.objects.filter(title__startswith="Unpublished")}
    assert {s.status_string for s in stories.values()} == {
        "draft",
        "in review: Copy edit",
        "scheduled",
    }
    assert not any(s.live for s in stories.values())
    assert stories["unpublished-embargoed-report"].embargo_until is not None


def test_no_public_channel_shows_an_unpublished_story(client, pulled):
    leaks = [url for url, body in channels(client).items() if "Unpublished" in body]
    assert not leaks, f"'Unpublished' appears in {leaks}"


def test_searching_for_unpublished_finds_nothing(client, pulled):
    from lxml import html

    page = html.fromstring(client.get("/search/?q=Unpublished").content)
    assert page.xpath("//ol[contains(@class, 'search-results')]/li") == []
    assert "No stories match" in page.text_content()


def test_each_unpublished_story_is_missing_at_its_address_and_a_pulled_one_is_gone(client, pulled):
    for story in ArticlePage.objects.filter(title__startswith="Unpublished", live=False):
        expected = 410 if story.first_published_at else 404
        assert client.get(story.url_path.replace("/front", "", 1)).status_code == expected
        assert client.get(f"/api/stories/{story.pk}/").status_code == 404
    assert client.get("/world/pulled-story/").status_code == 410


def test_a_cached_listing_does_not_keep_a_pulled_story(client, pulled):
    # Listings are built from live content on each request; the page cache (a later piece of
    # work) must keep this true.
    assert "Unpublished after all" not in client.get("/world/").content.decode()
