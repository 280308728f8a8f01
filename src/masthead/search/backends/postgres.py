"""Wagtail's PostgreSQL index, each object's search fields read once.

Wagtail's `PostgresIndex.add_items` reads every search field of an object five times (once for
each of the row's title, body and autocomplete vectors and its two plain texts: the body's
text is rebuilt from the stream blocks each time) and builds each vector as a tree of Django
expressions that it compiles again. Here the fields are read once, in one walk, and the same
statement is written as text: `setweight(to_tsvector([config, ]text), 'W')` joined by `||` in
the fields' order, an empty vector where there is nothing, as Wagtail's. The rows stored are
the same (`tests/search/test_postgres_index.py` compares them with Wagtail's own), but for the
title norm of a row written earlier whose norm happened to be exactly 1.0: Wagtail sets it again,
here it is left (`refresh_title_norms`).
"""

from __future__ import annotations

from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
)
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk

WEIGHTS = frozenset("ABCD")


def entry_texts(indexer: ObjectIndexer) -> tuple[list, list, list]:
    """(title, autocomplete, body): each a list of (text, weight), as Wagtail's `title`,
    `autocomplete` and `body` collect them, from one walk of the fields."""
    title, autocomplete, body = [], [], []
    for field in indexer.search_fields:
        for current, weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current, SearchField):
                (title if current.field_name == "title" else body).append((value, weight))
            elif isinstance(current, AutocompleteField):
                autocomplete.append((value, weight))
    return title, autocomplete, body


def vector_sql(texts: list, config: str | None, params: list) -> str:
    """Wagtail's `as_vector()` as SQL text; its parameters appended to `params`."""
    parts = []
    for text, weight in texts:
        text = text.strip()
        if not text:
            continue
        if weight not in WEIGHTS:
            raise ValueError(f"not a tsvector weight: {weight!r}")
        if config is None:
            parts.append(f"setweight(to_tsvector(%s), '{weight}')")
        else:
            parts.append(f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')")
            params.append(config)
        params.append(text)
    return " || ".join(parts) if parts else "''::tsvector"


def plain_text(texts: list) -> str:
    return " ".join(text for text in (text.strip() for text, _weight in texts) if text)


class PostgresIndexReadOnce(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type = get_content_type_pk(model)
        rows, params, ids = [], [], []
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            ids.append(indexer.id)
            title, autocomplete, body = entry_texts(indexer)
            params.extend((content_type, indexer.id))
            vectors = [
                vector_sql(title, self.backend.config, params),
                vector_sql(autocomplete, self.backend.autocomplete_config, params),
                vector_sql(body, self.backend.config, params),
            ]
            params.extend((plain_text(title), plain_text(body)))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        if not rows:
            return
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,"
                " autocomplete, body, title_norm, title_text, body_text)"
                f" (VALUES {', '.join(rows)})"
                " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
                " title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
                " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self.refresh_title_norms(content_type, ids)

    def refresh_title_norms(self, content_type: int, ids: list[str]) -> None:
        """Wagtail's `_refresh_title_norms()` for the rows just written: the headlines' average
        length over the whole index divided by each one's. Wagtail's looks for the rows to set
        (a norm of 1.0) through the whole table, a second scan that grew with the index (a
        batch of 500 stories at 100,000 stories had it read 100,000 rows); here, by their
        keys."""
        with_length = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        average = with_length.aggregate(Avg("title_length"))["title_length__avg"]
        with_length.filter(content_type_id=content_type, object_id__in=ids, title_norm=1.0).update(
            title_norm=average / F("title_length")
        )
