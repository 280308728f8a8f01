"""One search, one query: match, rank and cut to a page in a single statement (docs/search.md).

The words go through `search.tokens`, the same for SQLite and PostgreSQL. The statement:

1. takes the matching rows newest first (the row id is the publication time, see
   `models.recency_key`), at most `RANKED` of them: a word in every story costs no more than
   one in `RANKED` stories, and the number is then "more than RANKED";
2. ranks those (the formula above `SQLITE`): a headline that is the query first, then by how
   many of the words are in the headline and the text relevance, times the recency decay
   `HALF_LIFE_DAYS / (HALF_LIFE_DAYS + age in days)`: a story a year old needs about five times
   the relevance of today's to come first;
3. returns one page of them with the count of step 1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.utils import timezone

from masthead.search import limits
from masthead.search.models import KEY_SHIFT
from masthead.search.query import ReaderQuery
from masthead.search.tokens import tokens

RANKED = 2000  # matches ranked at most, the newest
PAGE_SIZE = 10
MAX_PAGES = 50  # results stop here: 500 stories
MAX_TOKENS = 8  # words looked for, at most (a pasted paragraph keeps its first 8)
MAX_PHRASES = 3
HALF_LIFE_DAYS = 90.0  # a story this old counts half as much as today's
TITLE_WEIGHT = 10.0


def recency_weight(age_days: float) -> float:
    """What the text relevance of a story this many days old is multiplied by."""
    return HALF_LIFE_DAYS / (HALF_LIFE_DAYS + max(0.0, age_days))


@dataclass(frozen=True)
class Plan:
    """What is looked for: single words and phrases, as index words."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    whole: str = ""  # all the query's index words in order: a headline's, if it was one

    @property
    def all_words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*(w for p in self.phrases for w in p), *self.words]))

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    def fts5(self) -> str:
        """An FTS5 query: every phrase and word, quoted (index words hold no quote)."""
        parts = [" ".join(phrase) for phrase in self.phrases] + list(self.words)
        return " ".join(f'"{part}"' for part in parts)

    def tsquery(self) -> str:
        """The same for PostgreSQL's to_tsquery: `'a' <-> 'b' & 'c'`."""
        parts = [" <-> ".join(f"'{word}'" for word in phrase) for phrase in self.phrases]
        parts += [f"'{word}'" for word in self.words]
        return " & ".join(f"({part})" for part in parts)


def plan(query: ReaderQuery) -> Plan:
    """The index words of `query`: stop words out, stemmed, at most MAX_TOKENS in all."""
    phrases, in_phrases = [], set()
    for phrase in query.phrases[:MAX_PHRASES]:
        words = tuple(tokens(" ".join(phrase)))[:MAX_TOKENS]
        if len(words) > 1 and words not in phrases:
            phrases.append(words)
            in_phrases.update(words)
    budget = MAX_TOKENS - sum(len(phrase) for phrase in phrases)
    words = []
    for term in query.terms:
        for word in tokens(term):
            if word not in in_phrases and word not in words:
                words.append(word)
    whole = " ".join(tokens(query.text))
    return Plan(tuple(words[: max(budget, 0)]), tuple(phrases), whole)


@dataclass(frozen=True)
class Row:
    page_id: int
    title: str
    url: str
    published_at: datetime
    text: str


@dataclass(frozen=True)
class Found:
    """A page of results and how many stories matched (at most RANKED: then `capped`)."""

    rows: tuple[Row, ...]
    matched: int

    @property
    def capped(self) -> bool:
        return self.matched >= RANKED

    @property
    def pages(self) -> int:
        return min(MAX_PAGES, math.ceil(self.matched / PAGE_SIZE))


# The rank of a match (higher is better), the same formula on both databases:
#
#   EXACT_TIER if its headline is the query's words in order (a pasted headline), plus
#   recency_weight(age) * (1 + TITLE_WEIGHT * share of the query's words in its headline
#                          + PHRASE_WEIGHT if it has the query's words side by side, in order
#                          + text relevance scaled to 0..1)
#
# The text relevance is FTS5's bm25 on SQLite, ts_rank on PostgreSQL, each scaled by r / (1 + r);
# it orders stories with the same share of words in their headline.
EXACT_TIER = 1000.0
PHRASE_WEIGHT = 10.0

SQLITE = """
WITH matches AS MATERIALIZED (
    SELECT rowid AS id, -bm25(masthead_search_fts) AS relevance
    FROM masthead_search_fts WHERE masthead_search_fts MATCH %s
    ORDER BY rowid DESC LIMIT %s
), ranked AS (
    SELECT m.id, (CASE WHEN e.title_tokens = %s THEN %s ELSE 0 END)
        + (1 + %s * ({in_headline}) + {in_order} + m.relevance / (1 + m.relevance))
        * %s / (%s + max(0, %s - m.id / %s) / 86400.0) AS score
    FROM matches AS m JOIN masthead_search_entry AS e ON e.id = m.id
    ORDER BY score DESC, m.id DESC LIMIT %s OFFSET %s
)
SELECT c.total, e.page_id, e.title, e.url, e.published_at, e.text
FROM (SELECT count(*) AS total FROM matches) AS c
LEFT JOIN ranked ON 1 LEFT JOIN masthead_search_entry AS e ON e.id = ranked.id
ORDER BY ranked.score DESC, ranked.id DESC
"""
SQLITE_IN_HEADLINE = "(instr(' ' || e.title_tokens || ' ', %s) > 0)"
SQLITE_IN_ORDER = "%s * (instr(' ' || e.title_tokens || ' ' || e.body_tokens || ' ', %s) > 0)"

POSTGRESQL = """
WITH matches AS MATERIALIZED (
    SELECT id, document, title_tokens, body_tokens FROM masthead_search_entry
    WHERE document @@ to_tsquery('simple', %s)
    ORDER BY id DESC LIMIT %s
), ranked AS (
    SELECT m.id, (CASE WHEN m.title_tokens = %s THEN %s ELSE 0 END)
        + (1 + %s * ({in_headline}) + {in_order}
           + ts_rank(m.document, to_tsquery('simple', %s), 32))
        * %s / (%s + GREATEST(0, %s - m.id / %s) / 86400.0) AS score
    FROM matches AS m
    ORDER BY score DESC, m.id DESC LIMIT %s OFFSET %s
)
SELECT c.total, e.page_id, e.title, e.url, e.published_at, e.text
FROM (SELECT count(*) AS total FROM matches) AS c
LEFT JOIN ranked ON true LEFT JOIN masthead_search_entry AS e ON e.id = ranked.id
ORDER BY ranked.score DESC, ranked.id DESC
"""
POSTGRESQL_IN_HEADLINE = "(strpos(' ' || m.title_tokens || ' ', %s) > 0)::int"
POSTGRESQL_IN_ORDER = (
    "%s * (strpos(' ' || m.title_tokens || ' ' || m.body_tokens || ' ', %s) > 0)::int"
)


def statement(found: Plan, page: int, now: datetime) -> tuple[str, list]:
    """The SQL and its parameters for page `page` (from 1) of `found`'s results."""
    now_seconds = int(now.timestamp())
    limit, offset = PAGE_SIZE, (page - 1) * PAGE_SIZE
    decay = [HALF_LIFE_DAYS, HALF_LIFE_DAYS, now_seconds, KEY_SHIFT]
    words = found.all_words
    share = [f" {word} " for word in words]
    postgresql = connection.vendor == "postgresql"
    one = POSTGRESQL_IN_HEADLINE if postgresql else SQLITE_IN_HEADLINE
    in_headline = f"({' + '.join([one] * len(words))}) / {float(len(words))}"
    rank = [found.whole, EXACT_TIER, TITLE_WEIGHT, *share]
    # Side by side: only worth reading the bodies for when there are several words.
    in_order = "0"
    if len(found.whole.split()) > 1:
        in_order = POSTGRESQL_IN_ORDER if postgresql else SQLITE_IN_ORDER
        rank += [PHRASE_WEIGHT, f" {found.whole} "]
    if postgresql:
        query = found.tsquery()
        sql = POSTGRESQL.format(in_headline=in_headline, in_order=in_order)
        return sql, [query, RANKED, *rank, query, *decay, limit, offset]
    sql = SQLITE.format(in_headline=in_headline, in_order=in_order)
    return sql, [found.fts5(), RANKED, *rank, *decay, limit, offset]


def search(found: Plan, page: int = 1, now: datetime | None = None) -> Found:
    """Page `page` of the stories matching `found`, in one query, within the time limit."""
    sql, parameters = statement(found, page, now or timezone.now())
    with limits.time_limit(), connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        results = cursor.fetchall()
    rows = tuple(
        Row(page_id, title, url, _datetime(published_at), text)
        for _, page_id, title, url, published_at, text in results
        if page_id is not None
    )
    return Found(rows, results[0][0] if results else 0)


def _datetime(value) -> datetime:
    """A date from the row: PostgreSQL gives a datetime, SQLite its text."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)
