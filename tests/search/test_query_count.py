"""The search page's SQL queries: a small, fixed number, whatever the number of matches."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory, ImageFactory
from tests.search.helpers import SEARCH_URL, result_headlines

pytestmark = pytest.mark.django_db

# The page around the search, none: the site with its root page, its settings, the breaking news
# banner, the view restrictions and the navigation are each read once per process (and again
# when they change), not per request.
EMPTY_SEARCH_PAGE_QUERIES = 0
# The search itself: one query over the reader index matches, ranks, counts and returns the page
# of results with their text (masthead.search.engine), so nothing is looked up per result. On
# PostgreSQL the time limit adds `set_config('statement_timeout', ...)` in a transaction of its
# own: 2 queries, and inside a test's transaction its savepoint and release, 4.
SEARCH_QUERIES = 4 if connection.vendor == "postgresql" else 1
SEARCH_PAGE_QUERIES = EMPTY_SEARCH_PAGE_QUERIES + SEARCH_QUERIES


def queries_to_render(client, url) -> list[str]:
    client.get(url)  # warm the per-process caches (site root paths), as a running server has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.fixture
def blocks_that_look_things_up():
    """A body with an image and an "also read" link: converting them would query per story."""
    reference = ArticlePageFactory(title="Ferries: the timetable", published=True)
    return [
        ("paragraph", "<p>Zanzibar ferry news, with a picture and a link.</p>"),
        ("image", {"image": ImageFactory(), "alt_text": "A ferry", "caption": "", "credit": ""}),
        ("also_read", {"story": reference, "label": "Also read"}),
    ]


@pytest.mark.parametrize("stories", [10, 60])
def test_search_page_query_count_does_not_grow_with_the_matches(
    client, section, blocks_that_look_things_up, stories
):
    ArticlePageFactory.create_batch(
        stories, parent=section, title="Zanzibar ferry news", body=blocks_that_look_things_up
    )
    pages = [1, 2, 6] if stories == 60 else [1]
    for page in pages:
        url = f"{SEARCH_URL}?q=zanzibar&page={page}"
        assert len(result_headlines(client.get(url))) == 10
        queries = queries_to_render(client, url)
        assert len(queries) == SEARCH_PAGE_QUERIES, "\n".join(queries)


def test_the_empty_search_page_runs_no_search(client):
    queries = queries_to_render(client, SEARCH_URL)
    assert len(queries) == EMPTY_SEARCH_PAGE_QUERIES, "\n".join(queries)
