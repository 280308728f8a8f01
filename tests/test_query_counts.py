"""Every reader page type renders with a small, fixed number of SQL queries, whatever the size
of the newsroom: the same count with ten stories in a section as with five hundred.

(Feeds and sitemaps: tests/feeds/test_query_counts.py; search: tests/search/test_query_count.py.)
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from masthead.articles import archive
from masthead.articles.models import ArticleByline, ArticleTag, Correction
from tests.factories import (
    ArticlePageFactory,
    DontMissPickFactory,
    FrontPagePinFactory,
    ImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from tests.factories.pages import standard_page

pytestmark = pytest.mark.django_db

# What no reader page pays for: the site, its settings, the navigation, the breaking news
# banner, the view restrictions, the sections (routing and breadcrumbs) and the editors' lists
# (front-page pins, Don't Miss) are read once per process and again only when they change.
# A story is routed to in one query (a section in none); a listing fetches its lead images'
# renditions in one query, however many stories it shows.
EXPECTED = {
    # The story with its lead image, credit and whether it has corrections; the image's
    # renditions; bylines with their people; tags; previous and next (with any of "Latest from"
    # that the process does not keep: it keeps each section's newest stories).
    "article": 5,
    # ... and its corrections, read only for a story that has some.
    "corrected article": 6,
    "nested article": 5,
    # The number of stories (for the pages), a page of them, their images' renditions.
    "section": 3,
    "nested section": 3,
    # The newest stories, their images' renditions, each section's newest stories.
    "home": 3,
    # The tag, then as a section.
    "tag": 4,
    # The person with their photo, the photo's renditions, then as a section.
    "author": 5,
    # The number of notes, a page of them with their stories.
    "corrections": 2,
    # The page (routed to in one query; menus and policy links are the process's copy).
    "standard page": 1,
}
MOST_FOR_ANY_READER_PAGE = 8


def queries_to_render(client, url) -> list[str]:
    client.get(url)  # warm the per-process caches (site, navigation, ...), as a running server has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"][:160] for query in captured.captured_queries]


def build_newsroom(home, stories: int) -> dict:
    """A section (with a subsection) full of stories by one author (with a photo), all tagged,
    four in five with a lead image, one with a correction; a lead pin and Don't Miss picks."""
    image = ImageFactory()
    author = PersonFactory(name="Prolific Writer", slug="prolific", photo=image)
    section = SectionPageFactory(parent=home, title="Busy", slug="busy")
    nested = SectionPageFactory(parent=section, title="Busier", slug="busier")
    pages = [
        ArticlePageFactory(parent=nested if n % 2 else section, lead_image=image if n % 5 else None)
        for n in range(stories)
    ]
    tag = Tag.objects.create(name="Busy tag", slug="busy-tag")
    ArticleTag.objects.bulk_create(ArticleTag(content_object=page, tag=tag) for page in pages)
    ArticleByline.objects.bulk_create(ArticleByline(page=page, person=author) for page in pages)
    archive.fill()  # the bulk writes above bypass the signals that keep the totals current
    article, corrected = middle_stories(pages, section, 2)
    [nested_article] = middle_stories(pages, nested, 1)
    Correction.objects.create(page=corrected, text="An earlier version misspelt a name.")
    FrontPagePinFactory(story=pages[0], slot="lead")
    for page in pages[1:4]:
        DontMissPickFactory(story=page)
    return {
        "article": article.url,
        "corrected article": corrected.url,
        "nested article": nested_article.url,
        "section": section.url,
        "nested section": nested.url,
        "home": "/",
        "tag": "/tags/busy-tag/",
        "author": author.get_absolute_url(),
        "corrections": "/corrections/",
        "standard page": standard_page("About us", slug="about", role="about").url,
    }


def middle_stories(pages, section, count: int) -> list:
    """Stories from the middle of the section (with neighbours either side), with lead images."""
    return [
        page
        for page in pages[len(pages) // 2 :]
        if page.get_parent().pk == section.pk and page.lead_image_id
    ][:count]


@pytest.mark.parametrize("stories", [10, 500])
def test_every_page_type_renders_with_a_fixed_number_of_queries(client, home, stories):
    urls = build_newsroom(home, stories)
    counts = {page_type: queries_to_render(client, url) for page_type, url in urls.items()}
    wrong = {
        page_type: "\n  ".join(queries)
        for page_type, queries in counts.items()
        if len(queries) != EXPECTED[page_type]
    }
    assert not wrong, "\n".join(
        f"{page_type}: {len(counts[page_type])} queries, expected {EXPECTED[page_type]}:\n  {sql}"
        for page_type, sql in wrong.items()
    )


def test_no_reader_page_type_takes_more_than_the_budget():
    assert max(EXPECTED.values()) <= MOST_FOR_ANY_READER_PAGE
