"""Words in stories: reading time, excerpts and the source credit line."""

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from html import unescape
from typing import NamedTuple

from wagtail.rich_text import get_text_for_indexing

WORDS_PER_MINUTE = 265
ELLIPSES = ("…", "...")
EXCERPT_STORE_WORDS = 64  # enough for every excerpt a page shows (the longest is 32 words)

_kept: ContextVar[dict[str, str] | None] = ContextVar("plain_texts_kept", default=None)


def plain_text(html: str) -> str:
    """Text of an HTML fragment with entities decoded and whitespace between block elements."""
    kept = _kept.get()
    if kept is None:
        return _plain_text(html)
    found = kept.get(html)
    if found is None:
        found = kept[html] = _plain_text(html)
    return found


@lru_cache(maxsize=4096)  # a save reads each paragraph several times (reading time, search)
def _plain_text(html: str) -> str:
    if html and SIMPLE_HTML.fullmatch(html):
        return simple_plain_text(html)
    return " ".join(get_text_for_indexing(html or "").split())


# A paragraph as sanitised rich text has it (the editor's, or nh3's in an import): these tags
# alone, a link's double-quoted href its only attribute, every "&" an entity's and no "<" or ">"
# in the text. Its text is then Wagtail's `get_text_for_indexing` (tags stripped, a space after
# each closing </p> and </li>, entities decoded) without an HTML parser written in Python.
SIMPLE_HTML = re.compile(
    r"(?:[^<>&]++"
    r"|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);"
    r"|</?(?:p|b|i|ul|ol|li)>|<br>|<a href=\"[^\"<>]*\">|</a>)*+"
)
SIMPLE_TAG = re.compile(r"<[^>]*>")
SPACED_AFTER = {"</p>", "</li>"}


def simple_plain_text(html: str) -> str:
    """`plain_text` of `html` that SIMPLE_HTML matches."""
    stripped = SIMPLE_TAG.sub(lambda tag: " " if tag.group() in SPACED_AFTER else "", html)
    return " ".join(unescape(stripped).split())


@contextmanager
def texts_kept() -> Iterator[None]:
    """Within, every paragraph's `plain_text` is kept until the end, not only the last 4,096:
    a bulk write of stories reads each paragraph three times (derived fields, Wagtail's search
    index, the reader's), a batch at a time, and a batch may hold more paragraphs than that."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def word_count(text: str) -> int:
    return len(text.split())


def first_words(text: str, count: int) -> str:
    """The first `count` words of `text`, cut on word boundaries."""
    return " ".join((text or "").split()[:count])


def lead_and_body(lead: str, body: str, count: int) -> str:
    """The first `count` words of the lead (standfirst and credit) and the body, with a line
    break where the body starts (`excerpt_parts` finds it; everything else splits on any
    whitespace, so the words are the same)."""
    lead_words = lead.split()[:count]
    body_words = body.split()[: count - len(lead_words)]
    return "\n".join(" ".join(part) for part in (lead_words, body_words) if part)


class ExcerptParts(NamedTuple):
    lead: str  # standfirst and credit
    body: str  # the body's first words
    cut: bool  # more words follow


def excerpt_parts(summary: str, count: int) -> ExcerptParts:
    """The first `count` words of a summary made by `lead_and_body`, split where the body
    starts. A summary with no break (stored before it had one) is all lead."""
    lead, _, body = (summary or "").partition("\n")
    lead_words, body_words = lead.split(), body.split()
    shown_lead = lead_words[:count]
    shown_body = body_words[: count - len(shown_lead)]
    return ExcerptParts(
        " ".join(shown_lead), " ".join(shown_body), len(lead_words) + len(body_words) > count
    )


SENTENCE_ENDS = (".", "!", "?", "…", ":", '"', "”", "’", "'", ")")
DANGLING = ",;:–—-(\"“‘'"
CUT_MARK = "…"


def join_sentences(*parts: str) -> str:
    """Parts of a text (standfirst, credit, body) joined as sentences: each part that does not
    end like a sentence gets a full stop, so "…two dozen children" + "Multiple airstrikes…"
    reads "…two dozen children. Multiple airstrikes…"."""
    pieces = [" ".join(part.split()) for part in parts]
    pieces = [piece for piece in pieces if piece]
    return " ".join(
        piece if last or piece.endswith(SENTENCE_ENDS) else f"{piece}."
        for last, piece in ((i == len(pieces) - 1, piece) for i, piece in enumerate(pieces))
    )


def cut_words(text: str, count: int) -> str:
    """At most `count` words of `text`, cut on a word boundary; a cut is marked with "…" (after
    any dangling comma or dash is dropped), unless the text stops at the end of a sentence."""
    words = (text or "").split()
    if len(words) <= count:
        return " ".join(words)
    kept = " ".join(words[:count]).rstrip(DANGLING + " ")
    if kept.endswith((".", "!", "?", "…")):
        return kept
    return f"{kept}{CUT_MARK}"


def reading_minutes(words: int) -> int:
    """One minute per 265 words, rounded up, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def reading_time_label(minutes: int) -> str:
    return "1 min read" if minutes == 1 else f"{minutes} mins read"


def credit_line(verb: str, organisation: str) -> str:
    return " ".join(part for part in (verb.strip(), organisation.strip()) if part)


def credit_separator(standfirst: str) -> str:
    """What joins the standfirst to its credit: the house ellipsis, unless it already ends in one.

    "…the development…." + "reports Asian Lite News" -> "…the development….reports Asian Lite News"
    "Talks resumed" + "reports AFP" -> "Talks resumed…reports AFP"
    """
    tail = standfirst.rstrip().rstrip(".")
    if not standfirst.strip() or tail.endswith(ELLIPSES) or standfirst.rstrip().endswith(ELLIPSES):
        return ""
    return "…"


def standfirst_with_credit(standfirst: str, credit: str) -> str:
    standfirst = standfirst.strip()
    if not credit:
        return standfirst
    return f"{standfirst}{credit_separator(standfirst)}{credit}"
