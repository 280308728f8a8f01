"""The search backend: Wagtail's database backend on both databases, headline first on SQLite."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

pytestmark = pytest.mark.django_db


def test_the_database_picks_the_full_text_engine():
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        from masthead.search.backends.sqlite import HeadlineFirstSQLiteSearchBackend

        assert type(backend) is HeadlineFirstSQLiteSearchBackend  # FTS5
    else:
        from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

        assert connection.vendor == "postgresql"
        assert type(backend) is PostgresSearchBackend  # full text search, unchanged


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 only")
def test_the_bm25_weights_follow_the_fts5_table_columns():
    from wagtail.search.backends.database.sqlite.query import SQLiteFTSIndexEntry

    with connection.cursor() as cursor:
        columns = connection.introspection.get_table_description(
            cursor, SQLiteFTSIndexEntry._meta.db_table
        )
    # masthead.search.backends.sqlite.ColumnBM25 weighs the columns in this order.
    assert [column.name for column in columns] == ["autocomplete", "body", "title"]
