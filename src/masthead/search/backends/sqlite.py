"""SQLite FTS5 search ranked headline first: a story whose headline matches comes before one
where only the standfirst or body matches.

Wagtail's SQLite backend ranks by `bm25(fts_table)` over the whole row, times the headline's
length norm: a word in the headline counts no more than one in the body, and short headlines
win whether or not they matched. Column weights alone cannot fix that (FTS5's bm25 saturates
per word and normalises by the length of the whole row), so the rank here is two bm25 scores
from the same match (lower is better, as FTS5 returns them):

    HEADLINE_TIER * bm25(headline column only) + bm25(headline and body)

The first is zero unless the headline matched, and large enough to put every headline match
first; the second orders the stories within each tier. SQLite keeps the standfirst and the body
in the one "body" column, so it cannot weight those two apart; PostgreSQL can, by
`index.SearchField(boost=...)`.
"""

from django.db.models import F
from wagtail.search.backends.database.sqlite.query import BM25, SQLiteFTSIndexEntry
from wagtail.search.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Not, Phrase, PlainText

HEADLINE_TIER = 100.0


class ColumnBM25(BM25):
    """bm25() with one weight per column of the FTS5 table: autocomplete, body, title."""

    def __init__(self, body: float, title: float):
        super().__init__()
        self.column_weights = (0.0, float(body), float(title))

    def as_sql(self, compiler, connection, function=None, template=None):
        weights = ", ".join(str(weight) for weight in self.column_weights)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


def headline_first_rank():
    return HEADLINE_TIER * ColumnBM25(body=0, title=1) + ColumnBM25(body=1, title=1)


class HeadlineFirstQueryCompiler(SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Phrase | PlainText | Not):
            rank = headline_first_rank()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_index_vectors(self):
        # One rank for the whole row (the base class adds a second one, scaled by the headline's
        # length norm); the vector itself is not used by the SQLite backend's rank.
        return [(F("index_entry__title"), 1.0)]


class HeadlineFirstSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = HeadlineFirstQueryCompiler


SearchBackend = HeadlineFirstSQLiteSearchBackend
