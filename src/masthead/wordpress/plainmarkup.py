"""Markup simple enough to read without an HTML parser: the common case of a converted post's
quotes, read here as `body.Converter.blockquote` reads any quote with Beautiful Soup, for a
fraction of the time (`tests/wordpress/test_plain_markup.py` compares the two)."""

from __future__ import annotations

import re

# Its tags: these, no "/" in an attribute (so no URL, and no self-closing tag but <br>).
QUOTE_TAG = re.compile(r"<br\s*/?>|</?(?:blockquote|p|cite|em|strong|i|b)(?:\s[^<>&/]*)?>")
TAGS_AND_TEXT = re.compile(r"(<[^<>]*>)")


def simple_quote(markup: str) -> tuple[str, str] | None:
    """(text, cite) of a quote as `Converter.blockquote` reads it with Beautiful Soup (each
    text apart, the <cite> taken out), where the markup has only `QUOTE_TAG`s, no entity, no
    stray "<" or ">", and at most one <cite>, holding text alone; else None."""
    if "&" in markup or markup.count("<cite") > 1:
        return None
    pieces = TAGS_AND_TEXT.split(markup)
    texts, tags = pieces[::2], pieces[1::2]  # texts[n] comes before tags[n]
    if any("<" in text or ">" in text for text in texts):
        return None
    if not all(QUOTE_TAG.fullmatch(tag) for tag in tags):
        return None
    opened = next((n for n, tag in enumerate(tags) if tag.startswith("<cite")), None)
    if opened is None:
        return " ".join(texts), ""
    if tags[opened + 1 : opened + 2] != ["</cite>"]:
        return None
    cite = texts.pop(opened + 1)
    return " ".join(texts), cite
