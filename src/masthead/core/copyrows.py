"""Many new rows of one table in one go: on PostgreSQL through `COPY ... FROM STDIN`.

Django's `bulk_create()` on PostgreSQL sends each column as an array literal that the client
builds in Python and the server parses again before `UNNEST` (a body of stream blocks: a
`jsonb[]`); COPY streams the rows as they are. For a batch of 500 stories (the WordPress
import's) that is about half the client's CPU for those rows and a third to a half of the
server's time. COPY returns no ids: with `new_ids`, each object takes the next value of its
table's sequence first, as an INSERT would have given it. Elsewhere (SQLite), Django's own
multi-row INSERT.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection


def insert(model, objects: Iterable, fields=None, *, new_ids: bool = False) -> None:
    """`objects` (unsaved instances of `model`) as new rows of `model`'s own table, in the
    caller's transaction: `fields` (default: its concrete fields but a primary key the database
    gives) as a save would write them; with `new_ids`, the database's new primary keys set on
    them (as `bulk_create()` does), else left unset.

    On PostgreSQL the rows go out as they come, a few at a time: where `objects` is a generator
    that builds each one, the server stores the first rows (and computes what it computes of
    them) while the next are built."""
    if new_ids or connection.vendor != "postgresql":
        objects = list(objects)
        if not objects:
            return
    if connection.vendor != "postgresql":
        if new_ids:
            model._base_manager.bulk_create(objects)
            return
        fields = list(fields if fields is not None else _own_fields(model, new_ids))
        size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
        for start in range(0, len(objects), size):
            model._base_manager._insert(objects[start : start + size], fields=fields)
        return
    if new_ids:
        _take_ids(model, objects)
    fields = list(fields if fields is not None else _own_fields(model, new_ids))
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objects:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
            )


def _own_fields(model, new_ids: bool) -> list:
    given = model._meta.pk.db_returning and not new_ids  # an identity the database fills in
    return [field for field in model._meta.concrete_fields if not (given and field.primary_key)]


def _take_ids(model, objects: list) -> None:
    pk = model._meta.pk
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) AS id"
            " FROM generate_series(1, %s) ORDER BY id",
            [model._meta.db_table, pk.column, len(objects)],
        )
        for obj, (value,) in zip(objects, cursor.fetchall(), strict=True):
            setattr(obj, pk.attname, value)
            obj._state.adding = False
            obj._state.db = connection.alias
