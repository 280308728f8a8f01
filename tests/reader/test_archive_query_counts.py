"""Archive pages answer in the same number of SQL queries at either end of the archive and at
any size of it: the first, a middle and the last page of the largest section, tag and author,
the sitemap index and every part, the news sitemap and the feeds, on a seeded newsroom of 200
stories and again after it has grown to 2,000 (built once per run, with `seed-corpus`'s bulk
writer; rolled back afterwards, so no other test sees it)."""

import math
import re
from urllib.parse import urlsplit

import pytest
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from masthead.articles.models import ArticleByline, ArticleTag
from masthead.articles.queries import public_stories
from masthead.core.tree import below
from masthead.demo.corpus import seed_corpus
from masthead.pagecache import runtime
from masthead.reader.listings import SECTION_PAGE_SIZE
from masthead.sections.models import SectionPage

# The database is set up for marked tests only; the measurements are made once, in `counts`.
pytestmark = pytest.mark.django_db

SIZES = (200, 2_000)
# What each archive page costs: the counts of tests/test_query_counts.py and
# tests/feeds/test_query_counts.py, less the lead images' renditions (seeded stories have none)
# and the author's photo's.
EXPECTED = {
    "section first": 2,
    "section middle": 2,
    "section last": 2,
    "tag first": 3,
    "tag middle": 3,
    "tag last": 3,
    "author first": 3,
    "author middle": 3,
    "author last": 3,
    "section feed": 6,
    "tag feed": 7,
    "author feed": 7,
    "feed": 6,
    "sitemap index": 7,
    "sitemap stories part": 2,
    "sitemap sections": 3,
    "sitemap tags": 2,
    "sitemap authors": 2,
    "news sitemap": 2,
    "front page": 2,
}


def largest(rows) -> tuple[str, int]:
    """(slug, stories) of the first row of `rows`, ordered by their number of stories."""
    slug, count = rows.first()
    return slug, count


def archive_urls() -> dict[str, str]:
    """The listing pages and machine pages of the seeded newsroom's largest lists."""
    stories = public_stories()
    section = max(
        SectionPage.objects.live(), key=lambda section: stories.filter(below(section)).count()
    )
    sections = stories.filter(below(section)).count()
    tag, tags = largest(
        ArticleTag.objects.values_list("tag__slug").annotate(n=Count("pk")).order_by("-n")
    )
    author, credits = largest(
        ArticleByline.objects.values_list("person__slug")
        .annotate(n=Count("page", distinct=True))
        .order_by("-n")
    )
    urls = {
        "front page": "/",
        "feed": "/feed/",
        "sitemap index": "/sitemap.xml",
        "news sitemap": "/news-sitemap.xml",
    }
    for name, url, count in (
        ("section", section.url, sections),
        ("tag", f"/tags/{tag}/", tags),
        ("author", f"/authors/{author}/", credits),
    ):
        pages = math.ceil(count / SECTION_PAGE_SIZE)
        urls[f"{name} first"] = url
        urls[f"{name} middle"] = f"{url}?page={pages // 2 + 1}"
        urls[f"{name} last"] = f"{url}?page={pages}"
        urls[f"{name} feed"] = f"{url}feed/"
    return urls


def render(client, url) -> tuple[list[str], str]:
    """The queries of a page's second render past the page cache (the first warms the
    per-process copies, as in a running server) and its body."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured.captured_queries], response.content.decode()


def measure() -> dict[str, list[str]]:
    runtime.reset_for_tests()
    client = Client()
    client.cookies["sessionid"] = "archive"  # not a session: the page cache steps aside
    client.get("/")
    urls = archive_urls()
    queries, index = {}, ""
    for name, url in urls.items():
        queries[name], body = render(client, url)
        if name == "sitemap index":
            index = body
    parts = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
    months = [part for part in parts if "stories-" in part]
    assert len(months) >= 6, parts
    for part in parts:
        kind = "stories part" if part in months else part.removeprefix("/sitemap-")[:-4]
        queries.setdefault(f"sitemap {kind}", render(client, part)[0])
        assert len(render(client, part)[0]) == len(queries[f"sitemap {kind}"]), part
    queries["urls"] = list(urls.values())
    return queries


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """{size: {page: queries}}: measured at 200 stories, then again at 2,000."""
    from tests.factories import CurationFactory, SiteSettingsFactory, default_site

    measured = {}
    with django_db_blocker.unblock(), transaction.atomic():
        SiteSettingsFactory(site=default_site())
        CurationFactory(site=default_site())
        seeded = 0
        for size in SIZES:
            seed_corpus(size - seeded, seed=f"archive-{size}", batch_size=500)
            seeded = size
            measured[size] = measure()
        transaction.set_rollback(True)
    runtime.reset_for_tests()
    return measured


@pytest.mark.parametrize("page", EXPECTED)
def test_an_archive_page_costs_the_same_queries_at_every_size(counts, page):
    small, large = (counts[size][page] for size in SIZES)
    assert len(small) == len(large) == EXPECTED[page], "\n".join(
        [f"{page}: {len(small)} queries at {SIZES[0]}, {len(large)} at {SIZES[1]}:", *large]
    )


def test_no_page_of_a_listing_reads_the_stories_before_it(counts):
    """The last page reads the listing from its other end: no OFFSET past half the listing."""
    last_pages = [url for url in counts[SIZES[1]]["urls"] if "?page=" in url]
    assert len(last_pages) == 6 and all(int(url.split("=")[1]) >= 2 for url in last_pages)
    for page in ("section last", "tag last", "author last"):
        offsets = [int(n) for q in counts[SIZES[1]][page] for n in re.findall(r"OFFSET (\d+)", q)]
        assert all(offset == 0 for offset in offsets), (page, counts[SIZES[1]][page])


@pytest.mark.parametrize("page", ["feed", "section feed", "tag feed", "author feed"])
def test_a_feed_finds_its_newest_stories_in_its_archive_list(counts, page):
    """Its 20 newest stories are a walk of its list's index (`articles/lists.py`), not a sort of
    every story in scope: on PostgreSQL the site's feed joined and sorted every story of the
    site (27 ms of the query at 10,000 stories, 0.1 ms from the list)."""
    for size in SIZES:
        newest = [sql for sql in counts[size][page] if "LIMIT 20" in sql]
        assert newest, (page, size, counts[size][page])
        assert all('"masthead_archive_member"' in sql for sql in newest), (page, size, newest)


@pytest.mark.parametrize(
    "page", ["sitemap index", "sitemap sections", "sitemap tags", "sitemap authors"]
)
def test_the_sitemap_index_and_its_lists_read_no_story_rows(counts, page):
    """They read the archive's stored totals (one row per month, section, tag or person), not
    an aggregate over every story: their time does not grow with the archive."""
    for size in SIZES:
        stories = [sql for sql in counts[size][page] if '"articles_articlepage"' in sql]
        assert not stories, (page, size, stories)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
def test_an_authors_listing_reads_only_that_authors_stories(counts):
    """Their bylines and their source credits, each from its index: an OR across the join of
    the bylines had the database read every story of the archive (an author's pages took 33 ms
    at 1,000 stories and 130 ms at 10,000)."""
    for page in ("author first", "author last"):
        for sql in counts[SIZES[1]][page]:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
                plan = [row[3] for row in cursor.fetchall()]
            scans = [step for step in plan if step.startswith("SCAN") and "subquery" not in step]
            assert not scans, (page, sql, plan)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
@pytest.mark.parametrize(
    "page",
    [
        "front page",
        "feed",
        "section feed",
        "tag feed",
        "author feed",
        "sitemap stories part",
        "news sitemap",
    ],
)
def test_feeds_and_story_sitemaps_read_no_whole_table(counts, page):
    """Each query goes by an index: looking a section up by its URL path (which has none) read
    every page of the site, 48 ms of a section feed's 50 at 100,000 stories; the front page's
    section blocks ranked every story of the site, 3.6 s at 100,000."""
    for sql in counts[SIZES[1]][page]:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = [row[3] for row in cursor.fetchall()]
        scans = [step for step in plan if re.match(r"SCAN (wagtailcore_page|articles_)", step)]
        assert not scans, (page, sql, plan)
