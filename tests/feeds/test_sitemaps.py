"""The sitemap index and its parts: valid against sitemaps.org's XSD, absolute URLs on
MASTHEAD_BASE_URL, stories by month of their public date, lead images as image entries."""

from datetime import datetime

import pytest
from django.conf import settings
from lxml import etree

from masthead.articles.models import ArticlePage
from masthead.core.dates import newsroom_zone
from tests.conftest import REFERENCE_URL
from tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    person_named,
    publish,
    section_named,
)
from tests.feeds.conftest import NS, SITEMAP_NS, fetch, on_site, site_path, sitemap_locations, xml
from tests.feeds.sitemap_checks import assert_valid_urlset, parse_w3c
from tests.pages import parse, visible_text
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

REFERENCE_HEADLINE = "Pakistan Quietly Greenlights Security Pact with US"


def newsroom_time(*fields) -> datetime:
    return datetime(*fields, tzinfo=newsroom_zone())


def _newsroom():
    """Stories of three months (2023-08, 2025-04, 2025-05) in five sections, one of them nested,
    tagged, bylined or credited, one with a lead image: each part of the sitemap has entries."""
    top_news, world = section_named("top-news"), section_named("world")
    amara = person_named("amara-okafor", "Amara Okafor")
    reference = {
        "title": REFERENCE_HEADLINE,
        "credit_organisation": person_named("asian-lite-news", "Asian Lite News", True),
        "tags": ["Pakistan"],
    }
    stories = [
        (top_news, "pakistan-quietly-greenlights-security-pact-with-us", (2023, 8, 3), reference),
        (top_news, "bnp-seeks-non-interference-with-india", (2025, 5, 21), {"bylines": [amara]}),
        (
            top_news,
            "54-killed-in-overnight-airstrikes-in-gaza",
            (2025, 5, 20),
            {"with_lead_image": True},
        ),
        (world, "coastal-cities-plan-for-higher-seas", (2025, 5, 2), {}),
        (section_named("asia", parent=world), "a-story-in-asia", (2025, 4, 28), {}),
        (
            section_named("business"),
            "a-business-story",
            (2025, 4, 3),
            {"bylines": [person_named("tom-becker", "Tom Becker")]},
        ),
        (section_named("opinion"), "an-opinion", (2025, 4, 2), {}),
    ]
    for parent, slug, day, fields in stories:
        published_at = newsroom_time(*day, 12)
        ArticlePageFactory(
            parent=parent, slug=slug, published_at=published_at, published=True, **fields
        )


newsroom = module_world(_newsroom)


def index(client) -> list[tuple[str, str]]:
    root = xml(fetch(client, "/sitemap.xml"))
    assert root.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    entries = []
    for sitemap in root:
        assert sitemap.tag == f"{{{SITEMAP_NS}}}sitemap"
        assert [etree.QName(child).localname for child in sitemap] == ["loc", "lastmod"]
        entries.append((sitemap.findtext("sm:loc", namespaces=NS), sitemap[1].text))
    return entries


def test_the_index_lists_every_part_with_lastmod(client):
    entries = index(client)
    paths = [site_path(loc) for loc, _ in entries]
    for part in ["stories-2025-05", "stories-2025-04", "stories-2023-08", "sections", "tags"]:
        assert f"/sitemap-{part}.xml" in paths
    assert "/sitemap-authors.xml" in paths
    assert len(paths) == len(set(paths))
    for _, lastmod in entries:
        parse_w3c(lastmod)


def test_every_part_is_a_valid_sitemap_on_the_base_url(client):
    for loc, lastmod in index(client):
        document = xml(fetch(client, site_path(loc)))
        assert_valid_urlset(document)
        locations = document.xpath("//sm:url/sm:loc/text()", namespaces=NS)
        assert locations and all(on_site(url) for url in locations)
        dates = [parse_w3c(d) for d in document.xpath("//sm:lastmod/text()", namespaces=NS)]
        assert max(dates) == parse_w3c(lastmod), loc  # the index says when the part changed


def test_the_reference_story_is_in_its_months_sitemap(client):
    document = xml(fetch(client, "/sitemap-stories-2023-08.xml"))
    (url,) = [
        u for u in document.xpath("//sm:url", namespaces=NS) if u[0].text.endswith(REFERENCE_URL)
    ]
    assert url.findtext("sm:loc", namespaces=NS) == settings.MASTHEAD_BASE_URL + REFERENCE_URL
    lastmod = parse_w3c(url.findtext("sm:lastmod", namespaces=NS))
    assert lastmod == datetime(2023, 8, 3, 12, 0, tzinfo=newsroom_zone())
    # The sitemap's URL is the story's, headline and date as readers see them.
    page = parse(client.get(REFERENCE_URL))
    assert visible_text(page.xpath("//h1")[0]) == REFERENCE_HEADLINE
    assert "August 3, 2023" in visible_text(page.xpath("//main")[0])
    assert REFERENCE_URL not in "".join(sitemap_locations(client, "/sitemap-stories-2025-05.xml"))


def test_lead_images_are_image_entries(client):
    document = xml(fetch(client, "/sitemap-stories-2025-05.xml"))
    with_image = ArticlePage.objects.get(slug="54-killed-in-overnight-airstrikes-in-gaza")
    without = ArticlePage.objects.get(slug="bnp-seeks-non-interference-with-india")
    urls = {
        u.findtext("sm:loc", namespaces=NS): u for u in document.xpath("//sm:url", namespaces=NS)
    }
    images = urls[settings.MASTHEAD_BASE_URL + with_image.url].xpath(
        "image:image/image:loc/text()", namespaces=NS
    )
    assert len(images) == 1 and on_site(images[0])
    image = fetch(client, site_path(images[0]))
    image.close()
    assert image.status_code == 200
    assert not urls[settings.MASTHEAD_BASE_URL + without.url].xpath("image:image", namespaces=NS)


def test_months_follow_the_newsrooms_time_zone(client, home):
    """Just after midnight on March 1 in the newsroom is still February in UTC."""
    section = SectionPageFactory(parent=home, title="Night desk", slug="night-desk")
    story = publish(
        ArticlePageFactory(
            parent=section, published_at=datetime(2024, 3, 1, 0, 10, tzinfo=newsroom_zone())
        )
    )
    march = sitemap_locations(client, "/sitemap-stories-2024-03.xml")
    assert march == [settings.MASTHEAD_BASE_URL + story.url]
    assert fetch(client, "/sitemap-stories-2024-02.xml").status_code == 404


def test_sections_tags_and_authors_parts(client):
    base = settings.MASTHEAD_BASE_URL
    sections = sitemap_locations(client, "/sitemap-sections.xml")
    expected = ["/", "/top-news/", "/world/", "/world/asia/", "/business/", "/opinion/"]
    assert {f"{base}{path}" for path in expected} <= set(sections)
    assert f"{base}/tags/pakistan/" in sitemap_locations(client, "/sitemap-tags.xml")
    authors = sitemap_locations(client, "/sitemap-authors.xml")
    assert {f"{base}/authors/asian-lite-news/", f"{base}/authors/tom-becker/"} <= set(authors)
    for url in [sections[1], authors[0]]:
        assert fetch(client, site_path(url)).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["/sitemap-stories-1999-01.xml", "/sitemap-stories-2023-13.xml", "/sitemap-bogus.xml"],
)
def test_parts_that_do_not_exist_are_not_found(client, url):
    assert fetch(client, url).status_code == 404


def test_sitemap_urls_come_from_the_base_url_not_the_host_header(client):
    for url in ["/sitemap.xml", "/sitemap-stories-2025-05.xml", "/sitemap-sections.xml"]:
        body = client.get(url, HTTP_HOST="localhost", secure=True).content.decode()
        assert "localhost" not in body and "https://" not in body
        assert f"<loc>{settings.MASTHEAD_BASE_URL}/" in body
