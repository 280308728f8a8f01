"""The article page's SQL queries: a small, fixed number, whatever the size of the section."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's routing, 8: the site with its root, then each page on the path (home, section,
# story) as a plain and as a specific page, and the view restrictions of the story's ancestors.
# Masthead's blocks, 8: the story's section, the site's view restrictions, "Don't Miss",
# previous, next, "Latest from", the navigation's sections, the bylines.
ARTICLE_PAGE_QUERIES = 16


def queries_to_render(client, url) -> list[str]:
    client.get(url)  # warm the per-process caches (site root paths), as a running server has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("stories", [10, 500])
def test_article_page_query_count_does_not_grow_with_the_section(client, home, stories):
    section = SectionPageFactory(parent=home, title="Busy", slug="busy")
    pages = ArticlePageFactory.create_batch(stories, parent=section)
    middle = pages[len(pages) // 2]
    queries = queries_to_render(client, middle.url)
    assert len(queries) == ARTICLE_PAGE_QUERIES, "\n".join(queries)
