"""Feeds and sitemaps answer with a fixed number of SQL queries, whatever the number of stories:
the same count with 10 stories as with 60 (a feed carries 20; a sitemap part carries them all)."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from masthead.articles import archive
from masthead.articles.models import ArticleByline, ArticleTag
from masthead.core.dates import newsroom_zone
from tests.factories import ArticlePageFactory, ImageFactory, PersonFactory, SectionPageFactory
from tests.factories.pages import standard_page
from tests.feeds.conftest import OTHER_HOST

pytestmark = pytest.mark.django_db

# A feed: the site (with its root page), the scope (tag or person; a section comes from the
# process's copy of the sections), the validators' ids and dates; then the stories (with their
# lead images and credits), bylines with people, tags, renditions and the stories' sections.
# (The view restrictions and the site's settings are read once per process.)
# The sitemap index: the site, then the archive's stored totals (months; section pages and
# their totals; the newsroom's own pages; tags; people), no aggregate over the stories. Each
# part: the site, its query (sections: the pages and their totals).
EXPECTED = {
    "/feed/": 7,
    "/feed/atom/": 7,
    "/busy/feed/": 7,
    "/busy/feed/atom/": 7,
    "/tags/busy-tag/feed/": 8,
    "/authors/prolific/feed/": 8,
    "/sitemap.xml": 7,
    "/sitemap-stories-2024-02.xml": 3,
    "/sitemap-sections.xml": 3,
    "/sitemap-pages.xml": 2,
    "/sitemap-tags.xml": 2,
    "/sitemap-authors.xml": 2,
    "/news-sitemap.xml": 2,
    "/robots.txt": 0,
}
# A 304 answers from the validators alone: nothing is rendered.
EXPECTED_NOT_MODIFIED = {"/feed/": 2, "/busy/feed/": 2, "/tags/busy-tag/feed/": 3}


def build_newsroom(home, stories: int) -> None:
    """A section full of stories by one author, all tagged, every fifth with a lead image;
    half of them in February 2024, half published in the last hour (news)."""
    author = PersonFactory(name="Prolific Writer", slug="prolific")
    standard_page("About us", slug="about", parent=home)
    section = SectionPageFactory(parent=home, title="Busy", slug="busy")
    image = ImageFactory()
    february = datetime(2024, 2, 10, 9, 0, tzinfo=newsroom_zone())
    recently = timezone.now() - timedelta(hours=1)
    pages = [
        ArticlePageFactory(
            parent=section,
            lead_image=image if n % 5 == 0 else None,
            published_at=(february if n % 2 else recently) + timedelta(seconds=n),
        )
        for n in range(stories)
    ]
    tag = Tag.objects.create(name="Busy tag", slug="busy-tag")
    ArticleTag.objects.bulk_create(ArticleTag(content_object=page, tag=tag) for page in pages)
    ArticleByline.objects.bulk_create(ArticleByline(page=page, person=author) for page in pages)
    archive.follow_under(section.path)  # as seed-corpus's bulk writer does after its rows


def queries(client, url, **headers) -> list[str]:
    client.get(url, HTTP_HOST=OTHER_HOST)  # warm the caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=OTHER_HOST, **headers)
    expected_status = 304 if headers else 200
    assert response.status_code == expected_status, (url, response.status_code)
    return [query["sql"][:200] for query in captured.captured_queries]


def assert_counts(counts: dict, expected: dict) -> None:
    wrong = {url: sql for url, sql in counts.items() if len(sql) != expected[url]}
    assert not wrong, "\n".join(
        f"{url}: {len(sql)} queries, expected {expected[url]}:\n  " + "\n  ".join(sql)
        for url, sql in wrong.items()
    )


@pytest.mark.parametrize("stories", [10, 60])
def test_feeds_and_sitemaps_take_a_fixed_number_of_queries(client, home, stories):
    build_newsroom(home, stories)
    assert_counts({url: queries(client, url) for url in EXPECTED}, EXPECTED)


@pytest.mark.parametrize("stories", [10, 60])
def test_not_modified_answers_take_fewer_queries(client, home, stories):
    build_newsroom(home, stories)
    counts = {}
    for url in EXPECTED_NOT_MODIFIED:
        etag = client.get(url, HTTP_HOST=OTHER_HOST)["ETag"]
        counts[url] = queries(client, url, HTTP_IF_NONE_MATCH=etag)
    assert_counts(counts, EXPECTED_NOT_MODIFIED)
