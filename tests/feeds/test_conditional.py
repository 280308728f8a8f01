"""Feed readers poll: ETag and Last-Modified let them ask "anything new?" for a 304."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date
from freezegun import freeze_time

from masthead.articles.models import ArticlePage
from masthead.feeds.stories import last_change
from masthead.sections.models import SectionPage
from tests.factories import ArticlePageFactory, publish, section_named
from tests.feeds.conftest import fetch

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("top_news")]

FEEDS = ["/feed/", "/feed/atom/", "/top-news/feed/", "/tags/pakistan/feed/atom/"]


@pytest.fixture
def top_news():
    """Top News with two stories published an hour ago, one of them tagged Pakistan. (The
    validators count whole seconds, as Last-Modified does: an edit in the second of the last
    publication would not change them.)"""
    with freeze_time(timezone.now() - timedelta(hours=1)):
        section = section_named("top-news")
        ArticlePageFactory(parent=section, tags=["Pakistan"], published=True)
        ArticlePageFactory(
            parent=section,
            title="BNP seeks non-interference with India",
            slug="bnp-seeks-non-interference-with-india",
            published=True,
        )
    return section


@pytest.mark.parametrize("url", FEEDS)
def test_a_feed_answers_conditional_requests_with_304(client, url):
    first = fetch(client, url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"') and modified
    by_etag = fetch(client, url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = fetch(client, url, HTTP_IF_MODIFIED_SINCE=modified)
    assert by_date.status_code == 304
    earlier = http_date(parse_http_date(modified) - 60)
    assert fetch(client, url, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert fetch(client, url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_last_modified_is_the_newest_modification_of_the_feeds_stories(client):
    stories = ArticlePage.objects.live().descendant_of(SectionPage.objects.get(slug="top-news"))
    newest = max(last_change(s.published_at, s.last_published_at) for s in stories)
    assert fetch(client, "/top-news/feed/")["Last-Modified"] == http_date(newest.timestamp())


def test_a_new_story_changes_the_validators(client, top_news):
    before = fetch(client, "/top-news/feed/")
    story = ArticlePageFactory(parent=top_news, title="Breaking: a new story")
    publish(story)
    after = fetch(client, "/top-news/feed/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert b"Breaking: a new story" in after.content


def test_an_edit_to_a_story_in_the_feed_changes_the_validators(client):
    before = fetch(client, "/top-news/feed/")
    story = ArticlePage.objects.get(slug="bnp-seeks-non-interference-with-india")
    story.title = "BNP seeks non-interference with India (updated)"
    story.last_published_at = None  # publishing sets it to now
    publish(story)
    after = fetch(client, "/top-news/feed/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and b"(updated)" in after.content
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(before["Last-Modified"])


def test_a_story_leaving_the_feed_changes_the_etag(client):
    before = fetch(client, "/top-news/feed/")
    ArticlePage.objects.get(slug="bnp-seeks-non-interference-with-india").unpublish()
    after = fetch(client, "/top-news/feed/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200 and b"BNP seeks" not in after.content


def test_an_edit_in_the_second_of_the_last_publication_changes_the_etag(client, top_news):
    """Two publications within one second: the ETag used to count whole seconds only, so a
    reader's If-None-Match got a 304 and kept the old headline."""
    with freeze_time(timezone.now()):
        story = ArticlePageFactory(parent=top_news, title="Port reopens", published=True)
        before = fetch(client, "/top-news/feed/")
        story.title = "Port reopens after the storm"
        publish(story)
        after = fetch(client, "/top-news/feed/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert b"Port reopens after the storm" in after.content
