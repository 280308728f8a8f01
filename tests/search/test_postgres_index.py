"""Wagtail's index on PostgreSQL, each story's fields read once (search/backends/postgres.py):
the rows are the ones Wagtail's own `PostgresIndex` writes."""

import pytest
from django.db import connection

from masthead.articles.models import ArticlePage
from masthead.search.backends.postgres import vector_sql
from tests.factories import ArticlePageFactory, paragraph

pytestmark = pytest.mark.django_db


def test_a_vector_is_its_texts_weighted_in_order_and_empty_without_one():
    params = []
    sql = vector_sql([("  Ferry  ", "A"), ("", "B"), (" ", "C"), ("Storm", "D")], None, params)
    assert sql == "setweight(to_tsvector(%s), 'A') || setweight(to_tsvector(%s), 'D')"
    assert params == ["Ferry", "Storm"]
    assert vector_sql([(" ", "A")], "simple", params) == "''::tsvector"
    with pytest.raises(ValueError):
        vector_sql([("x", "A'); DROP TABLE x; --")], None, [])


def _rows():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, title::text, autocomplete::text, body::text, title_norm,"
            " title_text, body_text FROM wagtailsearch_indexentry ORDER BY object_id"
        )
        return cursor.fetchall()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index only")
def test_the_index_rows_are_wagtails_own():
    from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresIndex
    from wagtail.search.backends import get_search_backend

    from masthead.search.backends.postgres import PostgresIndexReadOnce

    backend = get_search_backend()
    assert backend.index_class is PostgresIndexReadOnce
    ArticlePageFactory(
        title="Ferry: storms, tides & the 6:40",
        standfirst="The island's ferry is late again.",
        body=[paragraph("Storms <b>closed</b> the harbour; the ferry's skipper waited.")],
        published=True,
    )
    ArticlePageFactory(title="Quiet day", standfirst="Nothing to report.", body=[], published=True)
    stories = list(ArticlePage.objects.order_by("pk"))
    IndexEntry.objects.all().delete()
    PostgresIndex(backend).add_items(ArticlePage, stories)
    theirs = _rows()
    IndexEntry.objects.all().delete()
    PostgresIndexReadOnce(backend).add_items(ArticlePage, stories)
    assert _rows() == theirs
    assert len(theirs) == 2 and "'ferri'" in theirs[0][3]
