"""The Google News sitemap: the last two days' public stories, at most 1,000, each with the
publication's name and language, the publication date with its offset, and the headline.

(tests/demo checks that the demo's live story, dated when the demo loads, is listed.)"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from masthead.core.dates import in_newsroom
from masthead.core.models import SiteSettings
from masthead.feeds import sitemap_entries as sitemap_services
from tests.factories import ArticlePageFactory, SectionPageFactory, publish
from tests.feeds.conftest import NS, fetch, on_site, xml
from tests.feeds.sitemap_checks import assert_valid_urlset, parse_w3c

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(home):
    return SectionPageFactory(parent=home, title="Breaking", slug="breaking")


def story_at(desk, minutes_ago: float, title=None):
    published_at = timezone.now() - timedelta(minutes=minutes_ago)
    title = title or f"Story of {minutes_ago} minutes ago"
    return publish(ArticlePageFactory(parent=desk, title=title, published_at=published_at))


def news(client) -> dict[str, dict]:
    document = xml(fetch(client, "/news-sitemap.xml"))
    urls = {}
    for url in document.xpath("//sm:url", namespaces=NS):
        urls[url.findtext("sm:loc", namespaces=NS)] = {
            "name": url.findtext("news:news/news:publication/news:name", namespaces=NS),
            "language": url.findtext("news:news/news:publication/news:language", namespaces=NS),
            "date": url.findtext("news:news/news:publication_date", namespaces=NS),
            "title": url.findtext("news:news/news:title", namespaces=NS),
        }
    return urls


def test_the_news_sitemap_has_every_required_element(client, desk, site):
    site.site_name = "The Masthead Gazette"  # no publication name in the settings: the site's
    site.save()
    story = story_at(desk, 30, title="Markets & “tariffs” <today>")
    document = xml(fetch(client, "/news-sitemap.xml"))
    assert_valid_urlset(document)
    entry = news(client)[settings.MASTHEAD_BASE_URL + story.url]
    assert entry["name"] == "The Masthead Gazette"
    assert entry["language"] == "en"
    assert entry["title"] == "Markets & “tariffs” <today>"
    published = parse_w3c(entry["date"])
    assert published.utcoffset() is not None
    assert published == story.published_at.replace(microsecond=0)
    assert published.utcoffset() == in_newsroom(story.published_at).utcoffset()


def test_the_publication_name_is_the_site_settings_name(client, desk, site):
    SiteSettings.objects.update_or_create(site=site, defaults={"name": "The Daily Test"})
    story_at(desk, 30)
    assert {entry["name"] for entry in news(client).values()} == {"The Daily Test"}


def test_only_the_last_two_days_are_listed(client, desk):
    inside = story_at(desk, 2 * 24 * 60 - 5)  # 2 days less 5 minutes ago
    outside = story_at(desk, 2 * 24 * 60 + 5)  # 2 days and 5 minutes ago
    future = story_at(desk, -60)  # dated an hour from now
    urls = news(client)
    assert settings.MASTHEAD_BASE_URL + inside.url in urls
    assert settings.MASTHEAD_BASE_URL + outside.url not in urls
    assert settings.MASTHEAD_BASE_URL + future.url not in urls
    assert all(on_site(url) for url in urls)


def test_old_stories_are_not_news(client, desk):
    story_at(desk, 30)
    old = ArticlePageFactory(parent=desk, slug="pakistan-quietly", published=True)  # 400 days
    urls = news(client)
    assert urls and not [url for url in urls if "pakistan-quietly" in url]
    assert settings.MASTHEAD_BASE_URL + old.url not in urls


def test_at_most_the_limit_newest_stories(client, desk, monkeypatch):
    monkeypatch.setattr(sitemap_services, "NEWS_SITEMAP_LIMIT", 3)
    stories = [story_at(desk, minutes) for minutes in (50, 10, 40, 20, 30)]
    newest = sorted(stories, key=lambda story: story.published_at, reverse=True)[:3]
    urls = list(news(client))
    assert urls == [settings.MASTHEAD_BASE_URL + story.url for story in newest]


def test_the_real_limit_is_googles():
    assert sitemap_services.NEWS_SITEMAP_LIMIT == 1_000
    assert timedelta(days=2) == sitemap_services.NEWS_WINDOW
