"""Every reader page type renders with a small, fixed number of SQL queries, whatever the size
of the newsroom: the same count with ten stories in a section as with five hundred."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.images.models import Image

from masthead.articles.models import ArticleByline, ArticleTag
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's routing costs 2 queries per page on the path (plain, then specific) plus the site
# and the view restrictions on the path; each page type's own blocks cost the rest.
# Listings fetch lead images and their renditions with 2 queries, however many stories show;
# the article page adds its corrections and site-wide blocks (banner, settings, navigation).
EXPECTED = {
    "article": 21,
    "section": 13,
    "home": 15,
    "tag": 9,
    "author": 9,
}


def queries_to_render(client, url) -> list[str]:
    client.get(url)  # warm the per-process caches (site root paths), as a running server has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"][:160] for query in captured.captured_queries]


def build_newsroom(home, stories: int) -> dict:
    """A section full of stories by one author, all tagged, every fifth with a lead image."""
    author = PersonFactory(name="Prolific Writer", slug="prolific")
    section = SectionPageFactory(parent=home, title="Busy", slug="busy")
    image = Image.objects.first()
    pages = [
        ArticlePageFactory(parent=section, lead_image=image if n % 5 == 0 else None)
        for n in range(stories)
    ]
    tag = Tag.objects.create(name="Busy tag", slug="busy-tag")
    ArticleTag.objects.bulk_create(ArticleTag(content_object=page, tag=tag) for page in pages)
    ArticleByline.objects.bulk_create(ArticleByline(page=page, person=author) for page in pages)
    return {
        "article": pages[len(pages) // 2].url,
        "section": section.url,
        "home": "/",
        "tag": "/tags/busy-tag/",
        "author": author.get_absolute_url(),
    }


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
