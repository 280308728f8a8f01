"""Pasted copy split into the story's blocks: paragraphs stay paragraphs, quotes become quotes.

A writer pastes several paragraphs into a first paragraph block; Draftail keeps them as one
rich-text block. On save (the story form's clean), each paragraph block of a story never
published is cut at its paragraphs: a paragraph that is a quote becomes a quote block, the
others stay together as paragraph blocks between them. A quote is

- a line in “…” or "…" followed by its speaker: “Night workers need a way home,” said Tahir
  Khan, a driver. / "…," Tahir Khan said. / “…” — Tahir Khan;
- or a line starting with ">": > Night workers need a way home — Tahir Khan (or > “…,” said …).

A ">" line without a speaker is refused with an error on its block (nothing is lost); a line in
quotation marks without one stays a paragraph. Stories already published are left as written.
"""

import html
import re

from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError

VERBS = "said|says|told|added|asked|explained|warned|insisted|wrote|recalled|argued|noted"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "one"}
_ELEMENT = re.compile(r"\s*(<(p|h[1-6]|ul|ol|blockquote|pre)\b[^>]*>.*?</\2>)\s*", re.S | re.I)
_QUOTED = re.compile(r"^[“\"„](?P<text>[^“”\"]+?)[”\"“]\s*(?P<rest>.*)$", re.S)
_VERB_FIRST = re.compile(rf"^(?P<verb>{VERBS})\s+(?P<who>.+)$", re.I)
_VERB_LAST = re.compile(rf"^(?P<who>.+?)\s+(?P<verb>{VERBS})$", re.I)
_DASHED = re.compile(r"^(?P<text>.+?)\s+[—–-]{1,2}\s*(?P<who>[^—–]+)$", re.S)
NO_SPEAKER = (
    "This quote needs its speaker: end the line with a dash and who said it, "
    "e.g. > Night workers need a way home — Tahir Khan"
)


class MissingSpeaker(Exception):
    pass


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _speaker(rest: str) -> dict | None:
    """verb, speaker and description from what follows a quote, or None if it is no speaker."""
    rest = rest.strip().lstrip(",—–-").strip().rstrip(".").strip()
    if not rest:
        return None
    verb = "said"
    if match := _VERB_FIRST.match(rest):
        verb, rest = match["verb"].lower(), match["who"]
    elif match := _VERB_LAST.match(rest):
        rest, verb = match["who"], match["verb"].lower()
    who, _, description = rest.partition(",")
    who, description = who.strip(), description.strip()
    if (
        not who
        or not who[0].isupper()
        or who.lower() in PRONOUNS
        or len(who) > 80
        or len(description) > 300
        or re.search(r"[.!?]\s", rest)  # a further sentence: running copy, not an attribution
    ):
        return None
    return {"verb": verb, "speaker": who, "speaker_description": description}


def quote_of(line: str) -> dict | None:
    """The quote block's value for a paragraph's text, None if it is no quote."""
    marked = line.startswith(">")
    line = line.lstrip(">").strip() if marked else line
    if match := _QUOTED.match(line):
        said = _speaker(match["rest"])
        if said:
            return {"text": match["text"].strip().rstrip(",").strip(), **said}
    if marked:
        if (match := _DASHED.match(line)) and (said := _speaker(match["who"])):
            return {"text": match["text"].strip().strip('“”"').rstrip(",").strip(), **said}
        raise MissingSpeaker(line)
    return None


def _pieces(source: str) -> list[tuple[str, object]] | None:
    """[("paragraph", html) | ("quote", value)] of one paragraph block's HTML, None if unsplit."""
    elements = _ELEMENT.findall(source)
    if not elements or _ELEMENT.sub("", source).strip():
        return None  # text outside the elements we know: left as it is
    pieces: list[tuple[str, object]] = []
    for element, tag in elements:
        quote = quote_of(_text(element)) if tag.lower() == "p" else None
        if quote:
            pieces.append(("quote", quote))
        elif pieces and pieces[-1][0] == "paragraph":
            pieces[-1] = ("paragraph", pieces[-1][1] + element)
        else:
            pieces.append(("paragraph", element))
    return pieces if any(kind == "quote" for kind, _ in pieces) else None


def split_body(stream_block, value):
    """The body with its pasted quotes as quote blocks; the same value if there are none."""
    raw, changed, errors = [], False, {}
    for index, child in enumerate(value):
        if child.block_type != "paragraph":
            value_prep = child.block.get_prep_value(child.value)
            raw.append({"type": child.block_type, "value": value_prep, "id": child.id})
            continue
        source = child.value.source
        try:
            pieces = _pieces(source)
        except MissingSpeaker:
            errors[index] = ValidationError(NO_SPEAKER)
            pieces = None
        if not pieces:
            raw.append({"type": "paragraph", "value": source, "id": child.id})
            continue
        changed = True
        for n, (kind, piece) in enumerate(pieces):
            entry = {"type": kind, "value": piece}
            if n == 0:
                entry["id"] = child.id
            raw.append(entry)
    if errors:
        raise StreamBlockValidationError(block_errors=errors)
    return stream_block.to_python(raw) if changed else value
