"""robots.txt names the sitemaps; every reader page names its feeds for autodiscovery."""

import pytest
from django.conf import settings

from tests.factories import small_newsroom
from tests.feeds.conftest import fetch
from tests.pages import parse
from tests.worlds import module_world

pytestmark = pytest.mark.django_db

STORY = "the story's own page"


def test_robots_txt_names_the_sitemaps_by_absolute_url(client):
    response = client.get("/robots.txt", HTTP_HOST="localhost", secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /search/"} <= set(lines)
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    base = settings.MASTHEAD_BASE_URL
    assert sitemaps == [f"{base}/sitemap.xml", f"{base}/news-sitemap.xml"]
    for url in sitemaps:
        assert fetch(client, url.removeprefix(base)).status_code == 200


def alternates(client, url) -> dict[str, str]:
    page = parse(client.get(url))
    return {
        link.get("href"): link.get("type") for link in page.xpath("//head/link[@rel='alternate']")
    }


newsroom = module_world(small_newsroom)

SITE_FEEDS = {"/feed/": "application/rss+xml", "/feed/atom/": "application/atom+xml"}


@pytest.mark.parametrize(
    ("url", "own_feed"),
    [
        ("/", None),
        (STORY, None),
        ("/top-news/", "/top-news/feed/"),
        ("/world/asia/", "/world/asia/feed/"),
        ("/tags/pakistan/", "/tags/pakistan/feed/"),
        ("/authors/tom-becker/", "/authors/tom-becker/feed/"),
    ],
)
def test_pages_link_their_feeds_for_autodiscovery(client, url, own_feed, newsroom):
    url = newsroom.story_url if url == STORY else url
    expected = dict(SITE_FEEDS)
    if own_feed:
        expected |= {own_feed: "application/rss+xml", f"{own_feed}atom/": "application/atom+xml"}
    links = alternates(client, url)
    assert links == expected
    for href, content_type in links.items():
        response = fetch(client, href)
        assert response.status_code == 200, href
        assert response["Content-Type"].startswith(content_type)
