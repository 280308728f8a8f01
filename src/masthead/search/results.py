"""Reader search: what each result shows (the page is masthead.reader.search; the query,
masthead.search.engine)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from markupsafe import Markup

from masthead.search.engine import Plan, Row
from masthead.search.highlight import excerpt, highlight, term_pattern
from masthead.search.query import ReaderQuery
from masthead.search.tokens import STOP_WORDS, stem, words

_TEXT_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class SearchHit:
    """One result: its address, headline and excerpt with the reader's words marked, and date."""

    url: str
    headline: Markup
    excerpt: Markup
    public_date: datetime


def matching_words(text: str, found: Plan, query: ReaderQuery) -> set[str]:
    """The words of `text` that the search matched: the reader's own, and those with the same
    stem ("pacts" for "pact")."""
    wanted = set(found.words) | {word for phrase in found.phrases for word in phrase}
    matched = set(query.terms)
    for word in set(_TEXT_WORD.findall(text)):
        folded = "".join(words(word))
        if folded and folded not in STOP_WORDS and stem(folded) in wanted:
            matched.add(word)
    return matched


def search_hits(rows: tuple[Row, ...], found: Plan, query: ReaderQuery) -> list[SearchHit]:
    hits = []
    for row in rows:
        pattern = term_pattern(matching_words(f"{row.title} {row.text}", found, query))
        hits.append(
            SearchHit(
                url=row.url,
                headline=highlight(row.title, pattern),
                excerpt=excerpt(row.text, pattern),
                public_date=row.published_at,
            )
        )
    return hits
