"""Reading a WXR (WordPress eXtended RSS) export as a stream of records.

Expat through defusedxml: no DTD, no entity expansion, no external resource, no network. Each
`<item>` and each channel-level term or author is handed over as a small record and its element
cleared, so memory stays flat whatever the size of the file. `check()` reads the whole file once
before anything is written: a file that is not well-formed stops there with its line and
column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException

from masthead.wordpress.xmlstream import ChannelStream

KNOWN_VERSIONS = {"1.0", "1.1", "1.2"}
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}


class NotAnExport(Exception):
    """The file cannot be imported; the message says where and why."""


@lru_cache(maxsize=1024)  # an export has a few dozen element names, each met thousands of times
def short_name(tag: str) -> str:
    """`wp:post_id`, `content:encoded`, `excerpt:encoded`, `dc:creator`, `title`; an element of
    another namespace (a plugin's, or a look-alike of WordPress's) gets `other:<name>`."""
    if not tag.startswith("{"):
        return tag
    namespace, _, name = tag[1:].partition("}")
    if namespace in NAMESPACES:
        return f"{NAMESPACES[namespace]}:{name}"
    if namespace.endswith("/excerpt/") and WP_NAMESPACE.match(namespace[: -len("excerpt/")]):
        return f"excerpt:{name}"
    if WP_NAMESPACE.match(namespace):
        return f"wp:{name}"
    return f"other:{name}"


@dataclass
class Author:
    wp_id: int | None
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A category, a tag or another taxonomy's term."""

    taxonomy: str  # "category", "post_tag", "nav_menu", ...
    wp_id: int | None
    slug: str
    name: str
    parent_slug: str
    description: str


@dataclass
class Item:
    """One post, page, attachment, menu item or other post type."""

    wp_id: int
    post_type: str
    title: str
    link: str
    creator: str
    content: str
    excerpt: str
    post_date: str
    post_date_gmt: str
    slug: str
    status: str
    parent: int
    menu_order: int
    password: str
    sticky: bool
    attachment_url: str
    guid: str
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    line: int = 0
    post_modified: str = ""  # WXR 1.1 and later
    post_modified_gmt: str = ""

    @property
    def label(self) -> str:
        return f"{self.post_type} {self.wp_id} ({self.title[:60] or self.slug or 'untitled'})"


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    version: str = ""


@dataclass
class Survey:
    """What the first pass found: the counts and the warnings (nothing is written)."""

    channel: Channel
    counts: Counter
    warnings: list[str]

    @property
    def items(self) -> int:
        return sum(n for kind, n in self.counts.items() if kind.startswith("item:"))


def _children(element) -> dict:
    """The first child of each name (what `_text` reads), found in one walk."""
    found = {}
    for child in element:
        found.setdefault(short_name(child.tag), child)
    return found


def _value(children: dict, name: str) -> str:
    child = children.get(name)
    if child is None:
        return ""
    return child.text or "" if name in TEXT_KEPT else (child.text or "").strip()


TEXT_KEPT = {"content:encoded", "excerpt:encoded"}


def _int(value: str, default: int = 0) -> int:
    try:
        return int(value.strip())
    except (ValueError, AttributeError):
        return default


def _author(element) -> Author:
    text = partial(_value, _children(element))
    return Author(
        wp_id=_int(text("wp:author_id"), None),
        login=text("wp:author_login"),
        email=text("wp:author_email"),
        display_name=text("wp:author_display_name"),
        first_name=text("wp:author_first_name"),
        last_name=text("wp:author_last_name"),
    )


def _term(element, kind: str) -> Term:
    text = partial(_value, _children(element))
    if kind == "wp:category":
        return Term(
            "category",
            _int(text("wp:term_id"), None),
            text("wp:category_nicename"),
            text("wp:cat_name"),
            text("wp:category_parent"),
            text("wp:category_description"),
        )
    if kind == "wp:tag":
        return Term(
            "post_tag",
            _int(text("wp:term_id"), None),
            text("wp:tag_slug"),
            text("wp:tag_name"),
            "",
            text("wp:tag_description"),
        )
    return Term(
        text("wp:term_taxonomy"),
        _int(text("wp:term_id"), None),
        text("wp:term_slug"),
        text("wp:term_name"),
        text("wp:term_parent"),
        text("wp:term_description"),
    )


def _post_type(children: dict) -> str:
    return _value(children, "wp:post_type") or "post"


def _item(element, children: dict, line: int) -> Item:
    text = partial(_value, children)
    item = Item(
        wp_id=_int(text("wp:post_id")),
        post_type=_post_type(children),
        title=text("title"),
        link=text("link"),
        creator=text("dc:creator"),
        content=text("content:encoded"),
        excerpt=text("excerpt:encoded"),
        post_date=text("wp:post_date"),
        post_date_gmt=text("wp:post_date_gmt"),
        slug=text("wp:post_name"),
        status=text("wp:status"),
        parent=_int(text("wp:post_parent")),
        menu_order=_int(text("wp:menu_order")),
        password=text("wp:post_password"),
        sticky=text("wp:is_sticky") == "1",
        attachment_url=text("wp:attachment_url"),
        guid=text("guid"),
        line=line,
        post_modified=text("wp:post_modified"),
        post_modified_gmt=text("wp:post_modified_gmt"),
    )
    for child in element:
        name = short_name(child.tag)
        if name == "category":
            item.terms.append(
                (child.get("domain", "category"), child.get("nicename", ""), child.text or "")
            )
        elif name == "wp:postmeta":
            meta = _children(child)
            key = _value(meta, "wp:meta_key")
            if key:
                item.meta[key] = _value(meta, "wp:meta_value")
        elif name == "wp:comment":
            item.comments += 1
    return item


CHANNEL_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "version",
}


def records(
    path,
    wanted: Callable[[str], bool] = lambda post_type: True,
    passed: Callable[[str], None] = lambda post_type: None,
) -> Iterator[object]:
    """Yield the channel (once, after its header), then each Author, Term and Item in file
    order; an item whose post type is not `wanted` is not read further, only named to
    `passed`. Raises NotAnExport (with the line and column) where the file is not well-formed."""
    try:
        yield from _records(path, wanted, passed)
    except ParseError as error:
        line, column = error.position
        raise NotAnExport(
            f"{path}: not well-formed XML at line {line}, column {column + 1}: "
            f"{str(error).split(':')[0]}"
        ) from error
    except DefusedXmlException as error:
        raise NotAnExport(
            f"{path}: refused: the file declares a DTD or an entity ({type(error).__name__}); "
            "a WordPress export has neither"
        ) from error
    except UnicodeDecodeError as error:
        raise NotAnExport(f"{path}: not UTF-8 text: {error}") from error


def _records(path, wanted, passed) -> Iterator[object]:
    stream = ChannelStream(path)
    channel, sent = Channel(), False
    for element, line in stream:
        name = short_name(element.tag)
        if name in CHANNEL_FIELDS:
            setattr(channel, CHANNEL_FIELDS[name], (element.text or "").strip())
        elif name == "item":
            if not sent:
                sent = True
                yield channel
            children = _children(element)
            post_type = _post_type(children)
            if wanted(post_type):
                yield _item(element, children, line)
            else:
                passed(post_type)
        elif name == "wp:author":
            yield _author(element)
        elif name in {"wp:category", "wp:tag", "wp:term"}:
            yield _term(element, name)
    if not sent and stream.found_channel:
        yield channel


def survey(path) -> Survey:
    """The first pass: read the whole file, count what it holds and collect the warnings."""
    counts: Counter = Counter()
    warnings: list[str] = []
    channel = Channel()
    seen_rss = False

    def item(post_type: str) -> None:  # counted, not read: the passes that import read it
        counts[f"item:{post_type}"] += 1

    for record in records(path, wanted=lambda post_type: False, passed=item):
        if isinstance(record, Channel):
            channel = record
            seen_rss = True
        elif isinstance(record, Author):
            counts["authors"] += 1
        elif isinstance(record, Term):
            counts[f"term:{record.taxonomy}"] += 1
    if not seen_rss:
        raise NotAnExport(f"{path}: no <channel> in an <rss> document: not a WordPress export")
    if not channel.version:
        warnings.append("The export gives no WXR version; read as WXR 1.2.")
    elif channel.version not in KNOWN_VERSIONS:
        warnings.append(
            f"WXR version {channel.version!r} is not one of 1.0, 1.1, 1.2; read as 1.2."
        )
    return Survey(channel, counts, warnings)
