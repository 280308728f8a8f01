"""What a story's body says beyond its blocks, from one walk over its stored data: the words a
reader reads (reading time, excerpts, search results), what it refers to (pages, stories, images,
documents, embeds: publication checks, the API, the story page), and its HTML as read away from
the site (feeds).

The walk reads the stored block data (`body.raw_data`) and converts only the blocks that hold
words, so it costs no query. Links in rich text are found by Wagtail's own rich-text rewriters
and entity handlers (the ones `expand_db_html` and the reference index use), so a link type
registered there is understood here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import get_rewriter

from masthead.core.links import absolute_html

_ID = re.compile(r"[0-9]{1,18}")  # a database id; anything else refers to nothing


@dataclass(frozen=True)
class BodyFacts:
    """The facts of one body. Ids are of what the body names, whether or not it still exists."""

    words: str = ""  # paragraphs, headings and quotes, whitespace collapsed
    linked_page_ids: frozenset[int] = frozenset()  # pages linked from rich text
    story_ids: frozenset[int] = frozenset()  # stories linked by blocks ("also read")
    image_ids: frozenset[int] = frozenset()  # figures' images (and images in rich text)
    document_ids: frozenset[int] = frozenset()  # documents linked from rich text
    embed_urls: tuple[str, ...] = ()  # embedded posts and videos, in order

    @property
    def page_ids(self) -> frozenset[int]:
        """Every page the body links, from its text or its blocks."""
        return self.linked_page_ids | self.story_ids


@dataclass
class _Found:
    words: list[str] = field(default_factory=list)
    linked_page_ids: set = field(default_factory=set)
    story_ids: set = field(default_factory=set)
    image_ids: set = field(default_factory=set)
    document_ids: set = field(default_factory=set)
    embed_urls: list[str] = field(default_factory=list)

    def facts(self) -> BodyFacts:
        return BodyFacts(
            words=" ".join(" ".join(self.words).split()),
            linked_page_ids=frozenset(self.linked_page_ids - {None}),
            story_ids=frozenset(self.story_ids - {None}),
            image_ids=frozenset(self.image_ids - {None}),
            document_ids=frozenset(self.document_ids - {None}),
            embed_urls=tuple(self.embed_urls),
        )


def body_facts(body) -> BodyFacts:
    """The facts of `body` (a StreamField value), without a query."""
    found = _Found()
    for block, value in _blocks(body):
        _words(block, value, found.words)
        _references(block, value, found)
    return found.facts()


def body_words(body) -> str:
    """`body_facts(body).words` alone, at half the cost: the search index's bulk writes."""
    words = []
    for block, value in _blocks(body):
        _words(block, value, words)
    return " ".join(" ".join(words).split())


def _blocks(body):
    """(block, stored value) of each item of the body; the block is None for a removed type."""
    for item in body.raw_data:
        yield body.stream_block.child_blocks.get(item.get("type")), item.get("value")


def _words(block, value, words: list[str]) -> None:
    words_of = getattr(block, "words_of", None)
    if words_of is not None:
        words.append(words_of(block.to_python(value)))


def _references(block, value, found: _Found) -> None:
    """What the stored `value` of `block` refers to, struct blocks read field by field."""
    if isinstance(block, blocks.StructBlock):
        if isinstance(value, dict):
            for name, child in block.child_blocks.items():
                _references(child, value.get(name), found)
    elif isinstance(block, blocks.RichTextBlock):
        if isinstance(value, str):
            _rich_text_references(value, found)
    elif isinstance(block, ImageChooserBlock):
        found.image_ids.add(_id(value))
    elif isinstance(block, blocks.PageChooserBlock):
        found.story_ids.add(_id(value))
    elif isinstance(block, EmbedBlock) and value:
        found.embed_urls.append(str(value))


def _rich_text_references(html: str, found: _Found) -> None:
    """Pages, documents and images that rich text (in Wagtail's stored form) refers to."""
    kinds = (
        (Page, found.linked_page_ids),
        (get_document_model(), found.document_ids),
        (get_image_model(), found.image_ids),
    )
    for model, object_id in _entities(html):
        for kind, ids in kinds:
            if issubclass(model, kind):
                ids.add(_id(object_id))


def _entities(html: str):
    """(model, id) of each link and embed in `html` that names an object, as Wagtail's
    rewriters find them and its entity handlers read them."""
    for rewriter in get_rewriter().rewriters:
        for entity_type, matches in rewriter.extract_tags(html).items():
            extract = rewriter.reference_extractors.get(entity_type)
            if extract is None:
                continue  # external, email and anchor links name no object
            for match in matches:
                if "id" in match.attrs:  # without one it names nothing (an empty link)
                    for model, object_id, *_ in extract(match.attrs):
                        yield model, object_id


def _id(value) -> int | None:
    text = str(value)
    return int(text) if _ID.fullmatch(text) else None


def linked_stories(body) -> list:
    """The stories the body's blocks link ("also read"), as its blocks hold them: fetched once
    for the whole body, with what rendering it fetches, and none that no longer exists."""
    stories = []
    for child in body:
        if isinstance(child.block, blocks.StructBlock):
            for name, field_block in child.block.child_blocks.items():
                if isinstance(field_block, blocks.PageChooserBlock) and child.value.get(name):
                    stories.append(child.value[name])
    return stories


def off_site_html(body, request) -> str:
    """The body as readers away from the site get it (feeds), where a relative link or image
    has no base: rendered by Wagtail's block templates block by block as the story page does
    (no wrapper <div>; rich-text links to pages expanded, figures as <picture>s, "also read"
    linking its story), with every URL absolute."""
    context = {"request": request}
    return absolute_html("\n".join(str(child.render_as_block(context=context)) for child in body))
