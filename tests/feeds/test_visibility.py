"""No draft, unpublished or view-restricted story reaches any machine-readable channel."""

import pytest
from django.conf import settings

from masthead.core.dates import in_newsroom
from tests.factories import PersonFactory, publish
from tests.feeds.conftest import fetch, sitemap_locations, tagged_story

pytestmark = pytest.mark.django_db


def channels(hidden_stories) -> list[str]:
    author = hidden_stories["author"]
    feeds = [
        "/feed/",
        "/hidden-desk/feed/",
        "/tags/shared-tag/feed/",
        f"/authors/{author.slug}/feed/",
    ]
    return [*feeds, *(f"{url}atom/" for url in feeds)]


def test_hidden_stories_are_in_no_feed(client, hidden_stories):
    for url in channels(hidden_stories):
        response = fetch(client, url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Public story" in body and "Live headline" in body, url
        leaked = [title for title in hidden_stories["hidden_titles"] if title in body]
        assert not leaked, (url, leaked)


def test_hidden_stories_are_in_no_sitemap(client, hidden_stories):
    public = hidden_stories["public"]
    month = f"/sitemap-stories-{in_newsroom(public.published_at):%Y-%m}.xml"
    story_urls = sitemap_locations(client, month) + sitemap_locations(client, "/news-sitemap.xml")
    assert settings.MASTHEAD_BASE_URL + public.url in story_urls
    leaked = [url for url in story_urls for slug in hidden_stories["hidden_slugs"] if slug in url]
    assert not leaked
    news = fetch(client, "/news-sitemap.xml").content.decode()
    assert not [title for title in hidden_stories["hidden_titles"] if title in news]


def test_a_private_section_is_in_no_sitemap_and_has_no_feed(client, hidden_stories):
    private = hidden_stories["private_section"]
    assert settings.MASTHEAD_BASE_URL + private.url not in sitemap_locations(
        client, "/sitemap-sections.xml"
    )
    assert fetch(client, f"{private.url}feed/").status_code == 404


def test_tags_and_authors_only_count_public_stories(client, hidden_stories):
    """A tag or person that only hidden stories carry is not in the sitemaps."""
    loner = PersonFactory(name="Only Drafts", slug="only-drafts")
    draft = tagged_story(
        hidden_stories["section"], "Another draft", loner, publish_it=False, live=False
    )
    draft.tags.add("Draft-only tag")
    draft.save()
    assert f"{settings.MASTHEAD_BASE_URL}/authors/only-drafts/" not in sitemap_locations(
        client, "/sitemap-authors.xml"
    )
    tags = sitemap_locations(client, "/sitemap-tags.xml")
    assert f"{settings.MASTHEAD_BASE_URL}/tags/draft-only-tag/" not in tags
    assert f"{settings.MASTHEAD_BASE_URL}/tags/shared-tag/" in tags


def test_a_section_unpublished_or_renamed_changes_its_feed(client, hidden_stories):
    """The section comes from the process's copy of the sections, read again on each change."""
    section = hidden_stories["section"]
    url = f"{section.url}feed/"
    assert fetch(client, url).status_code == 200
    section.title = "Renamed Desk"
    publish(section)
    assert "Renamed Desk" in fetch(client, url).content.decode()
    section.unpublish()
    assert fetch(client, url).status_code == 404
