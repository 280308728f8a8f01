"""Sitemaps: the parts of the index, their entries, the Google News window and robots.txt.

Every part is read with a fixed number of queries, whatever the number of stories: the index,
sections, tags and authors from the archive's totals (one stored row per month, section, tag or
person, `articles/archive.py`), each month's part from one listing query.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from masthead.articles import archive
from masthead.articles.queries import newest_first
from masthead.core.dates import in_newsroom, newsroom_zone
from masthead.core.links import absolute_url
from masthead.core.visibility import public_pages
from masthead.feeds import stories as story_data
from masthead.pagecache import deps
from masthead.pages.models import StandardPage
from masthead.people.models import Person
from masthead.sections.models import SectionPage
from masthead.seo.head import news_language

SITEMAP_LIMIT = 50_000  # URLs per sitemap file (sitemaps.org); a bigger part gets ?p=2, ...
NEWS_WINDOW = timedelta(days=2)  # Google News: stories published in the last two days
NEWS_SITEMAP_LIMIT = 1_000  # Google News: at most 1,000 URLs in a news sitemap


@dataclass(frozen=True)
class SitemapEntry:
    location: str  # the path on the site; the Sitemap adds MASTHEAD_BASE_URL's origin
    lastmod: datetime | None
    images: tuple[str, ...] = ()  # absolute URLs


@dataclass(frozen=True)
class NewsEntry:
    location: str
    lastmod: datetime
    title: str
    publication_date: str  # W3C datetime with the newsroom's offset
    publication_name: str
    language: str


@dataclass(frozen=True)
class IndexPart:
    section: str  # "stories-2025-05", "sections", "tags", "authors"
    lastmod: datetime | None
    count: int


_seconds = story_data.whole_seconds


def _month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=newsroom_zone())


def story_months(request) -> list[IndexPart]:
    """One part per year-month (in the newsroom's zone) that has public stories, newest first."""
    deps.record(deps.SITEMAPS, deps.ALL_STORIES)
    root = story_data.site_root(request)
    months = archive.totals(root, archive.MONTH) if root is not None else {}
    return [
        IndexPart(f"stories-{ref // 100:04d}-{ref % 100:02d}", _seconds(lastmod), count)
        for ref, (count, lastmod) in sorted(months.items(), reverse=True)
    ]


def month_entries(request, year: int, month: int) -> list[SitemapEntry]:
    """The month's public stories, newest first, each with its lead image."""
    if not 1 <= month <= 12 or not 1900 <= year <= 9998:
        raise Http404("No such month.")
    deps.record(deps.SITEMAPS, deps.ALL_STORIES)
    start = _month_start(year, month)
    end = _month_start(year + month // 12, month % 12 + 1)
    stories = story_data.site_stories(request).filter(published_at__gte=start, published_at__lt=end)
    return [
        SitemapEntry(row.path, row.modified, (row.image_url,) if row.image_url else ())
        for row in story_data.story_rows(newest_first(stories), request, images=True)
        if row.path is not None
    ]


def section_entries(request) -> list[SitemapEntry]:
    """The front page and every public section, each last modified when its newest story was
    (subsections' stories included) or when it was itself published, whichever is later."""
    deps.record(deps.SITEMAPS, deps.ALL_STORIES, deps.NAV)
    root = story_data.site_root(request)
    if root is None:
        return []
    below_root = [page for page in _few(SectionPage, request) if page.path.startswith(root.path)]
    newest = archive.totals(root, archive.SECTION)
    entries = []
    for page in [root, *sorted(below_root, key=lambda page: page.path)]:
        path = page.get_url_parts(request)
        dates = [_seconds(page.last_published_at), _seconds(newest.get(page.pk, (0, None))[1])]
        lastmod = max((date for date in dates if date is not None), default=None)
        if path and path[2]:
            entries.append(SitemapEntry(path[2], lastmod))
    return entries


def _few(model, request) -> list:
    """Every live, public page of a type that has few (sections, the newsroom's own pages), read
    from its own table: a range of paths under the site's root would have SQLite read every
    page of the site, its stories too, to find them. The caller keeps those under the root."""
    pages = model.objects.live().filter(pk__in=model.objects.order_by().values("pk"))
    return list(public_pages(pages, request).order_by())


def _listed(model, request, kind: str, url_name: str) -> list[SitemapEntry]:
    """The tags or people with public stories on the request's site, by slug, each last
    modified with its newest story."""
    deps.record(deps.SITEMAPS, deps.ALL_STORIES)
    root = story_data.site_root(request)
    if root is None:
        return []
    return [
        SitemapEntry(reverse(url_name, kwargs={"slug": slug}), _seconds(lastmod))
        for slug, lastmod in archive.by_slug(root, kind, model)
    ]


def tag_entries(request) -> list[SitemapEntry]:
    """Every tag that public stories carry, last modified with its newest story."""
    return _listed(Tag, request, archive.TAG, "tag")


def author_entries(request) -> list[SitemapEntry]:
    """Every person or organisation that public stories credit (bylines or source credit)."""
    return _listed(Person, request, archive.PERSON, "author")


def page_entries(request) -> list[SitemapEntry]:
    """The newsroom's own public pages (About, the policies), last modified when last
    published."""
    deps.record(deps.SITEMAPS, deps.NAV)
    root = story_data.site_root(request)
    if root is None:
        return []
    pages = [
        page
        for page in _few(StandardPage, request)
        if page.path.startswith(root.path) and page.depth == root.depth + 1
    ]
    entries = []
    for page in sorted(pages, key=lambda page: page.path):
        path = page.get_url_parts(request)
        if path and path[2]:
            entries.append(SitemapEntry(path[2], _seconds(page.last_published_at)))
    return entries


PART_ENTRIES = {
    "sections": section_entries,
    "pages": page_entries,
    "tags": tag_entries,
    "authors": author_entries,
}


def index_parts(request) -> list[IndexPart]:
    """Every part of the sitemap index: stories by month, then sections, pages, tags and
    authors."""
    parts = story_months(request)
    for section, entries_of in PART_ENTRIES.items():
        entries = entries_of(request)
        if entries:
            lastmod = max((e.lastmod for e in entries if e.lastmod), default=None)
            parts.append(IndexPart(section, lastmod, len(entries)))
    return parts


def index_locations(request) -> list[tuple[str, datetime | None]]:
    """(absolute URL, lastmod) of every sitemap file, pages of big parts included."""
    locations = []
    for part in index_parts(request):
        url = absolute_url(reverse("feeds:sitemap_part", kwargs={"section": part.section}))
        locations.append((url, part.lastmod))
        pages = math.ceil(part.count / SITEMAP_LIMIT)
        locations += [(f"{url}?p={page}", part.lastmod) for page in range(2, pages + 1)]
    return locations


def news_entries(request, now=None) -> list[NewsEntry]:
    """Public stories published in the last two days, newest first, at most 1,000."""
    now = now or timezone.now()
    recent = story_data.site_stories(request).filter(
        published_at__gte=now - NEWS_WINDOW, published_at__lte=now
    )
    name = story_data.publication_name(request)
    language = news_language()
    deps.record(deps.SITEMAPS, deps.ALL_STORIES)
    rows = story_data.story_rows(newest_first(recent)[:NEWS_SITEMAP_LIMIT], request)
    if rows:  # the oldest leaves the two days' window first
        deps.record_expiry(rows[-1].published_at + NEWS_WINDOW)
    return [
        NewsEntry(
            location=row.path,
            lastmod=row.modified,
            title=row.title,
            publication_date=in_newsroom(row.published_at).isoformat("T", "seconds"),
            publication_name=name,
            language=language,
        )
        for row in rows
        if row.path is not None
    ]


def robots_txt() -> str:
    """robots.txt: the sitemaps by absolute URL; the editor and search results kept out."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {absolute_url(reverse('feeds:sitemap_index'))}",
        f"Sitemap: {absolute_url(reverse('feeds:news_sitemap'))}",
    ]
    return "\n".join(lines) + "\n"
