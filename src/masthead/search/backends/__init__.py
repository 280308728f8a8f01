"""The search backend: Wagtail's database backend, with headline-first ranking on SQLite.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "masthead.search.backends"}}` picks what
`wagtail.search.backends.database` picks: PostgreSQL full text search on PostgreSQL (its
ranking unchanged: it already weights the headline above the rest; its index written by
`postgres.py`, which reads each object's fields once), and SQLite FTS5 on SQLite, where the
stock ranking ignores which column matched; there it returns the subclass in `sqlite.py`.
"""

from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    backend = database_backend(params)
    # Imported only on SQLite with FTS5: the module needs the FTS5 index model.
    if type(backend).__name__ == "SQLiteSearchBackend":
        from masthead.search.backends.sqlite import HeadlineFirstSQLiteSearchBackend

        return HeadlineFirstSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from masthead.search.backends.postgres import PostgresIndexReadOnce

        backend.index_class = PostgresIndexReadOnce
    return backend
