"""What a reader typed, cleaned into plain words that no search engine can misread.

A query is never syntax: FTS5 operators (AND OR NOT NEAR * ^ : ( ) -), PostgreSQL tsquery
operators and control bytes are all dropped, and what is left is a short list of words that must
all be in a story. The one piece of syntax a reader may use is a pair of double quotes (straight
or curly): the words between them are a phrase, found only together and in that order. An
unpaired quote is ignored.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_INPUT_CHARS = 1000  # looked at, at most: a 10 KB query costs no more than a short one
MAX_QUERY_CHARS = 200  # kept and shown back to the reader
MAX_TERMS = 20

# A word: letters and digits, with apostrophes inside it (don't, O’Brien).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A quoted phrase: between a pair of straight or curly double quotes.
_PHRASE = re.compile(r'["“”„]([^"“”„]*)["“”„]')


@dataclass(frozen=True)
class ReaderQuery:
    """A cleaned query: `text` to show back (escaped by the template), `terms` to search for."""

    text: str = ""
    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()  # the words of each quoted phrase (2 or more)

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def shown(self) -> str:
        """The query in the page's own quotation marks, never doubled: a query that is one
        quoted phrase shows as “coastal cities”, and a phrase inside a longer query in single
        quotes, “‘coastal cities’ flood”."""
        whole = _PHRASE.fullmatch(self.text)
        if whole is not None:
            return f"“{whole.group(1).strip()}”"
        return "“" + _PHRASE.sub(lambda match: f"‘{match.group(1)}’", self.text) + "”"

    @property
    def plain(self) -> str:
        """The words as one plain string, for wagtail.search.query.PlainText."""
        return " ".join(self.terms)


def clean_query(raw: str | None) -> ReaderQuery:
    """The reader's query without control characters, cut short, and its words (at most 20)."""
    text = _visible_text((raw or "")[:MAX_INPUT_CHARS])[:MAX_QUERY_CHARS].strip()
    return ReaderQuery(text=text, terms=_terms(text), phrases=_phrases(text))


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """The quoted phrases of two words or more (a quoted single word is just a word)."""
    found = []
    for quoted in _PHRASE.findall(text):
        phrase = tuple(_WORD.findall(quoted))
        if len(phrase) > 1 and phrase not in found:
            found.append(phrase)
    return tuple(found)


def _visible_text(text: str) -> str:
    """Control, format, surrogate and unassigned characters become spaces; runs collapse."""
    return " ".join(
        "".join(
            " " if unicodedata.category(char).startswith("C") else char for char in text
        ).split()
    )


def _terms(text: str) -> tuple[str, ...]:
    """The distinct words of `text` in order (case-insensitively), at most MAX_TERMS."""
    seen: dict[str, str] = {}
    for word in _WORD.findall(text):
        seen.setdefault(word.casefold(), word)
        if len(seen) == MAX_TERMS:
            break
    return tuple(seen.values())
