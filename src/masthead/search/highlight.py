"""Excerpts of search results with the reader's words marked, built safely in Python.

Every character of the output passes through `markupsafe.escape`; only the <mark> tags added
here are markup. Matching runs on the plain text (before escaping), so a query such as "amp" or
"quot" can never land inside an HTML entity.
"""

import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

EXCERPT_WORDS = 40
WORDS_BEFORE_MATCH = 8
ELLIPSIS = "…"
_LETTER_OR_DIGIT = r"[^\W_]"


def term_pattern(terms: Iterable[str]) -> re.Pattern | None:
    """Whole words, case-insensitively; a straight apostrophe also matches a curly one."""
    alternatives = sorted({_term_regex(term) for term in terms if term}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(
        rf"(?<!{_LETTER_OR_DIGIT})(?:{'|'.join(alternatives)})(?!{_LETTER_OR_DIGIT})",
        re.IGNORECASE,
    )


def _term_regex(term: str) -> str:
    return "['’]".join(re.escape(part) for part in re.split(r"['’]", term))


def highlight(text: str, pattern: re.Pattern | None) -> Markup:
    """`text` escaped, with each whole-word match of `pattern` wrapped in <mark>."""
    if pattern is None:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(Markup("<mark>{}</mark>").format(match.group()))
        position = match.end()
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def excerpt(text: str, pattern: re.Pattern | None, words: int = EXCERPT_WORDS) -> Markup:
    """About `words` words of `text` around its first match (or its start), highlighted."""
    all_words = text.split()
    first = _first_matching_word(all_words, pattern)
    start = max(0, first - WORDS_BEFORE_MATCH) if first is not None else 0
    window = all_words[start : start + words]
    marked = highlight(" ".join(window), pattern)
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if start + words < len(all_words) else ""
    return Markup("{}{}{}").format(before, marked, after)


def _first_matching_word(words: Sequence[str], pattern: re.Pattern | None) -> int | None:
    if pattern is None:
        return None
    return next((i for i, word in enumerate(words) if pattern.search(word)), None)
