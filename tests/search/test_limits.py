"""A search cannot take the site down: a few at a time per process, each within a time limit,
beyond that a quick 503 with Retry-After and a page that says so; results stop at a depth."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.search import engine, limits
from tests.factories import ArticlePageFactory, SectionPageFactory, default_home
from tests.pages import main_text, visible_text
from tests.search.helpers import document, result_headlines, search
from tests.worlds import module_world

pytestmark = pytest.mark.django_db


def unavailable_text(response) -> str:
    return visible_text(document(response).xpath("//main")[0])


SLOW_SQL = {
    "sqlite": (
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000000) "
        "SELECT count(*) FROM n"
    ),
    "postgresql": "SELECT pg_sleep(30)",
}


def _stories():
    """Twelve published stories about the Zanzibar ferry, in the Islands section (built once for
    the module, tests/worlds.py)."""
    section = SectionPageFactory(parent=default_home(), title="Islands", slug="islands")
    return [
        ArticlePageFactory(parent=section, title=f"Zanzibar ferry {n}", published=True)
        for n in range(12)
    ]


stories = module_world(_stories)


@pytest.fixture
def all_slots_taken(settings):
    settings.MASTHEAD_SEARCH_CONCURRENCY = 2
    semaphore = limits.slots()
    for _ in range(2):
        assert semaphore.acquire(blocking=False)
    yield
    for _ in range(2):
        semaphore.release()


def test_with_every_search_slot_taken_a_search_is_a_quick_503(client, stories, all_slots_taken):
    response = search(client, "zanzibar")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]
    assert "Many readers are searching right now" in unavailable_text(response)
    # Reader pages are not held up: the front page answers meanwhile.
    assert client.get("/").status_code == 200


def test_a_slot_comes_free_when_a_search_ends(client, stories, settings):
    settings.MASTHEAD_SEARCH_CONCURRENCY = 1
    for _ in range(3):
        assert search(client, "zanzibar").status_code == 200


def test_a_statement_past_the_time_limit_is_stopped_and_the_connection_still_works():
    with (
        pytest.raises(limits.SearchUnavailable) as stopped,
        limits.time_limit(200),
        connection.cursor() as cursor,
    ):
        cursor.execute(SLOW_SQL[connection.vendor])
    assert stopped.value.reason == "slow"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a 0 ms limit stops nothing on PG")
def test_a_search_past_the_time_limit_is_a_503_that_says_so(client, stories, settings):
    settings.MASTHEAD_SEARCH_TIME_LIMIT_MS = 0
    response = search(client, "zanzibar")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "This search took too long" in unavailable_text(response)


def test_past_the_ranked_depth_the_count_is_more_than(client, stories, monkeypatch):
    monkeypatch.setattr(engine, "RANKED", 5)
    response = search(client, "zanzibar")
    assert "More than 5 stories match “zanzibar”" in main_text(response)
    assert len(result_headlines(response)) == 5


def test_an_exact_count_below_the_depth(client, stories):
    assert "12 stories match “zanzibar”: showing 1 to 10" in main_text(search(client, "zanzibar"))


def test_results_stop_at_the_last_page_with_a_page_that_says_so(client, stories, monkeypatch):
    monkeypatch.setattr(engine, "MAX_PAGES", 1)
    first = main_text(search(client, "zanzibar"))
    assert "of the best 10" in first
    assert "Results stop at page 1" in first
    beyond = search(client, "zanzibar", page=2)
    assert beyond.status_code == 200
    assert "Results stop at page 1" in main_text(beyond)
    assert result_headlines(beyond) == []


def test_a_stop_word_only_query_says_so_without_searching(client, stories):
    search(client, "the")  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = search(client, "The and OF")
    assert "has only very common words" in main_text(response)
    assert result_headlines(response) == []
    assert not [q for q in captured.captured_queries if "masthead_search" in q["sql"]]


def test_nothing_matches(client, stories):
    assert "No stories match “xylophonic”" in main_text(search(client, "xylophonic"))
