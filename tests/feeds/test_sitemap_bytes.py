"""A month's sitemap and the news sitemap, byte for byte, as Django's XML generator writes them
(escaping, the time zone of lastmod, the Last-Modified header, pages of a big part), and each
story's URL as Wagtail gives it, also where a story is under two sites' roots."""

from datetime import datetime, timedelta

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone
from django.utils.http import http_date

from masthead.core.dates import in_newsroom, newsroom_zone
from masthead.feeds.sitemaps import BaseUrlSitemap
from tests.factories import ArticlePageFactory, SectionPageFactory, SiteFactory
from tests.feeds.conftest import OTHER_HOST, fetch

pytestmark = pytest.mark.django_db

HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
URLSET = f'{HEAD} xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
NEWS_URLSET = f'{HEAD} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
AWKWARD = 'Rock & roll\'s "<best>" year'
AWKWARD_XML = 'Rock &amp; roll\'s "&lt;best&gt;" year'


def in_june(day: int, hour: int = 23) -> datetime:
    """Late in the evening in the newsroom: the next day in UTC."""
    return datetime(2024, 6, day, hour, 30, 15, 250_000, tzinfo=newsroom_zone())


@pytest.fixture
def june(home):
    desk = SectionPageFactory(parent=home, title="Desk", slug="desk")
    stories = [
        ArticlePageFactory(parent=desk, slug="rock", title=AWKWARD, published_at=in_june(3)),
        ArticlePageFactory(parent=desk, slug="café-life", published_at=in_june(2)),
        ArticlePageFactory(parent=desk, slug="edited", published_at=in_june(1)),
    ]
    stories[2].last_substantive_edit_at = in_june(20, 8)
    stories[2].save()
    return stories


def location(story) -> str:
    return settings.MASTHEAD_BASE_URL + story.url


def url(story, lastmod: datetime) -> str:
    lastmod = timezone.localtime(lastmod.replace(microsecond=0)).isoformat()
    return f"<url><loc>{location(story)}</loc><lastmod>{lastmod}</lastmod></url>"


def test_a_months_sitemap_byte_for_byte(client, june):
    rock, cafe, edited = june
    response = fetch(client, "/sitemap-stories-2024-06.xml")
    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert response["Last-Modified"] == http_date(in_june(20, 8).replace(microsecond=0).timestamp())
    assert "/caf%C3%A9-life/" in cafe.url  # reversed by Django, not put after the root
    expected = "".join([url(rock, in_june(3)), url(cafe, in_june(2)), url(edited, in_june(20, 8))])
    assert response.content.decode() == f"{URLSET}{expected}</urlset>"


def test_a_big_part_comes_in_pages(client, june, monkeypatch):
    monkeypatch.setattr(BaseUrlSitemap, "limit", 2)
    first = fetch(client, "/sitemap-stories-2024-06.xml").content.decode()
    second = fetch(client, "/sitemap-stories-2024-06.xml?p=2").content.decode()
    assert (
        first.count("<url>") == 2 and second == f"{URLSET}{url(june[2], in_june(20, 8))}</urlset>"
    )
    for page in ["3", "0", "two"]:
        assert fetch(client, f"/sitemap-stories-2024-06.xml?p={page}").status_code == 404


def test_the_news_sitemap_byte_for_byte(client, home):
    published = timezone.now() - timedelta(hours=3)
    story = ArticlePageFactory(parent=home, slug="breaking", title=AWKWARD, published_at=published)
    response = fetch(client, "/news-sitemap.xml")
    date = in_newsroom(published).isoformat("T", "seconds")
    expected = (
        f"<url><loc>{location(story)}</loc><news:news><news:publication>"
        f"<news:name>Masthead</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{date}</news:publication_date>"
        f"<news:title>{AWKWARD_XML}</news:title></news:news></url>"
    )
    assert response.content.decode() == f"{NEWS_URLSET}{expected}</urlset>"
    assert response["Last-Modified"] == http_date(published.replace(microsecond=0).timestamp())


def test_an_empty_news_sitemap(client, home):
    response = fetch(client, "/news-sitemap.xml")
    assert response.content.decode() == f"{NEWS_URLSET}</urlset>"


def test_a_story_under_two_sites_has_its_url_on_the_one_asked(client, home):
    """A desk that is also the root of a second site: Wagtail chooses the story's URL."""
    desk = SectionPageFactory(parent=home, title="Desk", slug="desk")
    SiteFactory(root_page=desk, hostname=OTHER_HOST)
    story = ArticlePageFactory(parent=desk, slug="both", published_at=in_june(3))
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    assert story.get_url_parts(request)[2] == "/desk/both/"
    body = client.get("/sitemap-stories-2024-06.xml").content.decode()
    assert f"<loc>{settings.MASTHEAD_BASE_URL}/desk/both/</loc>" in body
