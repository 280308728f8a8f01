"""HTML from an export made safe with nh3 (ammonia): what a story's paragraph may hold, and
plain text. No script, no event handler, no `javascript:` URL survives either."""

import html
import re

import nh3

PARAGRAPH_TAGS = {"p", "b", "strong", "i", "em", "a", "ul", "ol", "li", "br"}
URL_SCHEMES = {"http", "https", "mailto"}
# A tag as nh3 writes it: every attribute value in double quotes (where a ">" may stand).
WRITTEN_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')


def rich_text(fragment: str) -> str:
    """`fragment` with only the tags a story's paragraph offers; links only to web and mail
    addresses. <strong>/<em> become Wagtail's <b>/<i>."""
    cleaned = nh3.clean(
        fragment,
        tags=PARAGRAPH_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return (
        cleaned.replace("<strong>", "<b>")
        .replace("</strong>", "</b>")
        .replace("<em>", "<i>")
        .replace("</em>", "</i>")
        .strip()
    )


def plain(fragment: str) -> str:
    """The text of `fragment`, tags removed and entities decoded, spaces collapsed."""
    if "<" not in fragment and "&" not in fragment and "\0" not in fragment:
        return " ".join(fragment.split())  # text already: what nh3 would give back
    text = html.unescape(nh3.clean(fragment, tags=set(), strip_comments=True))
    return " ".join(text.split())


def cleaned_text(cleaned: str) -> str:
    """`plain()` of what `rich_text()` returned, without parsing it again: nh3 wrote it, so its
    tags are whole and its text's "<" and ">" are entities."""
    return " ".join(html.unescape(WRITTEN_TAG.sub("", cleaned)).split())


def safe_url(url: str) -> str:
    """`url` if it is an http(s) address, else ""."""
    url = (url or "").strip()
    if url.lower().startswith(("http://", "https://")) and not any(c in url for c in '\n\r\t <>"'):
        return url
    return ""
