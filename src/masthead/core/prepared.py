"""Querysets compiled to SQL once per process and run many times with other values.

Django compiles a queryset to SQL each time it runs: for a reader page's own lookups (a story
with its lead image and credit across Wagtail's page table) that costs more than running it.
A prepared query is built once, with a marker in place of each value, and compiled once; each
run puts the request's values in the markers' places and gives the same model instances, with
their `select_related` objects and annotations, that the queryset would:

    story_at = Prepared(lambda slug: ArticlePage.objects.live().filter(slug=slug)[:1])
    [story] = story_at.run(slug="pakistan-cabinet")

A value that is not a string (an id) names its type: `Prepared(build, first=int)`; so does a
date and time compared with a DateTimeField (`at=datetime`), which reaches the SQL as the
database's driver takes it (a string in UTC on SQLite).

Only for querysets whose SQL does not depend on the values: each value must be one SQL
parameter (no None, no `__in` list of another length) and nothing may be read at build time
(no `now()`). `prefetch_related` is not run. A query whose values do not all reach the SQL as
one parameter each (a `__startswith`, a backend that passes a list as one array) is built and
run as a queryset each time instead: slower, never wrong.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from weakref import WeakKeyDictionary

from django.db import connections
from django.db.models.query import ModelIterable

_MARKER_EPOCH = datetime(1901, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class _Compiled:
    alias: str
    compiler: object  # the SQL compiler after its one `as_sql()`: select, klass_info, ...
    sql: str
    params: tuple
    slots: dict[str, list[int]] = field(default_factory=dict)
    # Its columns' converters (text to datetime, ...), by the connection they were made for:
    # Django works them out again on every run, which costs more than the run's row.
    converters: WeakKeyDictionary = field(default_factory=WeakKeyDictionary)

    def converters_for(self, compiler) -> tuple[dict, bool]:
        """What `compiler.results_iter()` works out on every run: the columns' converters and
        whether any column is composite."""
        found = self.converters.get(compiler.connection)
        if found is None:
            fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
            found = (compiler.get_converters(fields), compiler.has_composite_fields(fields))
            self.converters[compiler.connection] = found
        return found


@dataclass
class _Run:
    """What Django's ModelIterable reads from a queryset, for one run of a prepared query."""

    compiler: object
    db: str
    _known_related_objects: dict = field(default_factory=dict)

    @property
    def query(self):
        return self

    def get_compiler(self, using=None):
        return self.compiler


class Prepared:
    def __init__(self, build: Callable[..., object], **kinds: type):
        self.build = build
        self.kinds = kinds
        self._compiled: _Compiled | None = None
        self._names: tuple | None = None  # the values it was compiled for
        self._lock = threading.Lock()

    @property
    def compiled(self) -> bool:
        """Whether its runs use the SQL compiled once (else the queryset, built each time)."""
        return self._compiled is not None

    def _marker(self, name: str, place: int, token: uuid.UUID):
        kind = self.kinds.get(name)
        if kind is int:
            return -(token.int >> 66) - place  # an id no row has
        if kind is datetime:  # a moment in 1901 no story has, to the microsecond
            return _MARKER_EPOCH + timedelta(microseconds=(token.int >> 80) + place)
        return f"prepared-{name}-{token.hex}"

    def _sql_value(self, name: str, value, alias: str):
        """The value as the query's parameter: a date and time as the database takes it."""
        if self.kinds.get(name) is datetime:
            return connections[alias].ops.adapt_datetimefield_value(value)
        return value

    def _compile(self, names) -> _Compiled | None:
        token = uuid.uuid4()
        markers = {name: self._marker(name, place, token) for place, name in enumerate(names)}
        queryset = self.build(**markers)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        sql_markers = {name: self._sql_value(name, m, queryset.db) for name, m in markers.items()}
        slots = {
            name: [i for i, p in enumerate(params) if p == m] for name, m in sql_markers.items()
        }
        if not all(slots.values()):
            return None
        compiler.connection = None  # each run uses its own thread's connection
        return _Compiled(queryset.db, compiler, sql, tuple(params), slots)

    def run(self, **values) -> list:
        names = tuple(sorted(values))
        if self._names != names:
            with self._lock:
                self._compiled, self._names = self._compile(names), names
        compiled = self._compiled
        if compiled is None:
            return list(self.build(**values))
        params = list(compiled.params)
        for name, places in compiled.slots.items():
            value = self._sql_value(name, values[name], compiled.alias)
            for place in places:
                params[place] = value
        compiler = copy(compiled.compiler)
        compiler.connection = connections[compiled.alias]
        sql, params = compiled.sql, tuple(params)
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        converters, composite = compiled.converters_for(compiler)
        compiler.get_converters = lambda expressions: converters
        compiler.has_composite_fields = lambda expressions: composite
        return list(ModelIterable(_Run(compiler, compiled.alias)))
