"""A story's body for the API: its blocks as JSON and as the HTML readers see, for a whole list
of stories with a fixed number of queries (images, renditions, linked stories and pages, embeds
are each fetched once for all the stories).

Nothing that is not public leaks: an "also read" link or a paragraph link to a page that is not
live, or is in a view-restricted section, keeps neither its headline nor its URL. Block types
this module does not know are left out of both forms rather than rendered unchecked.
"""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.timezone import now
from wagtail.blocks import StructValue
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from masthead.api.links import PageUrls, rendition_url
from masthead.articles.body_facts import body_facts
from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_pages, public_stories
from masthead.core.links import absolute_html

FIGURE_RENDITION = "format-jpeg|width-1200"  # the largest JPEG the story page uses
_STREAM = ArticlePage._meta.get_field("body").stream_block  # the blocks as readers get them
_DIGITS = re.compile(r"[0-9]{1,18}")


@dataclass
class BodyObjects:
    """What the bodies of a list of stories refer to, fetched once for all of them."""

    images: dict = field(default_factory=dict)
    stories: dict = field(default_factory=dict)  # public "also read" targets
    pages: dict = field(default_factory=dict)  # public pages linked from paragraphs
    embeds: dict = field(default_factory=dict)  # embed hash -> Embed


def _int(value) -> int | None:
    text = str(value)
    return int(text) if _DIGITS.fullmatch(text) else None


def _referenced_ids(stories) -> dict[str, set]:
    ids = {"images": set(), "stories": set(), "pages": set(), "embeds": set()}
    for story in stories:
        facts = body_facts(story.body)
        ids["images"] |= facts.image_ids
        ids["stories"] |= facts.story_ids
        ids["pages"] |= facts.linked_page_ids
        ids["embeds"] |= {get_embed_hash(url) for url in facts.embed_urls}
    return ids


def load_body_objects(stories, request) -> BodyObjects:
    ids = _referenced_ids(stories)
    objects = BodyObjects()
    if ids["images"]:
        images = get_image_model().objects.filter(pk__in=ids["images"])
        objects.images = {image.pk: image for image in images.prefetch_related("renditions")}
    if ids["stories"]:
        objects.stories = {s.pk: s for s in public_stories(request).filter(pk__in=ids["stories"])}
    if ids["pages"]:
        pages = public_pages(Page.objects.live().filter(pk__in=ids["pages"]), request)
        objects.pages = {page.pk: page for page in pages}
    if ids["embeds"]:
        embeds = Embed.objects.exclude(cache_until__lte=now()).filter(hash__in=ids["embeds"])
        objects.embeds = {embed.hash: embed for embed in embeds}
    return objects


class BodyRenderer:
    """Turns stories' raw StreamField data into (blocks, html) with the preloaded objects."""

    def __init__(self, objects: BodyObjects, urls: PageUrls):
        self.objects = objects
        self.urls = urls
        self.rewriter = self._rich_text_rewriter()
        self.handlers = {
            "paragraph": self.paragraph,
            "heading": self.heading,
            "quote": self.quote,
            "image": self.image,
            "embed": self.embed,
            "also_read": self.also_read,
        }

    def render(self, story) -> tuple[list[dict], str]:
        blocks, html = [], []
        for raw in story.body.raw_data:
            handler = self.handlers.get(raw.get("type"))
            rendered = handler(raw.get("value")) if handler else None
            if rendered is not None:
                value, fragment = rendered
                blocks.append({"type": raw["type"], "id": str(raw.get("id") or ""), "value": value})
                html.append(absolute_html(fragment))
        return blocks, "\n".join(html)

    # Rich text ---------------------------------------------------------------------------------

    def _rich_text_rewriter(self):
        link_rules = {
            linktype: handler.expand_db_attributes_many
            for linktype, handler in features.get_link_types().items()
        }
        link_rules["page"] = self._page_links
        embed_rules = {
            embedtype: handler.expand_db_attributes_many
            for embedtype, handler in features.get_embed_types().items()
        }
        return MultiRuleRewriter(
            [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
        )

    def _page_links(self, attrs_list) -> list[str]:
        """Links to public pages, with absolute URLs; others lose their href, as Wagtail does
        for a page that no longer exists."""
        tags = []
        for attrs in attrs_list:
            page = self.objects.pages.get(_int(attrs.get("id")))
            tags.append(f'<a href="{escape(self.urls(page))}">' if page else "<a>")
        return tags

    # Blocks: each returns (JSON value, HTML) or None to leave the block out ---------------------

    def paragraph(self, value):
        html = absolute_html(self.rewriter(str(value or "")))
        return html, html  # absolute_html() again on it finds nothing to do

    def heading(self, value):
        text = str(value or "")
        return text, _STREAM.child_blocks["heading"].render(text)

    def quote(self, value):
        block = _STREAM.child_blocks["quote"]
        quote = block.to_python(value if isinstance(value, dict) else {})
        data = {name: str(quote.get(name) or "") for name in block.child_blocks}
        return data, block.render(quote)

    def image(self, value):
        if not isinstance(value, dict):
            return None
        image = self.objects.images.get(_int(value.get("image")))
        if image is None:
            return None
        rendition = image.get_rendition(FIGURE_RENDITION)
        block = _STREAM.child_blocks["image"]
        figure = self._struct(block, value, image=image)
        data = {
            "image": {
                "url": rendition_url(rendition),
                "width": rendition.width,
                "height": rendition.height,
            },
            "alt": figure["alt_text"] or "",
            "caption": figure["caption"] or "",
            "credit": figure["credit"] or "",
        }
        return data, block.render(figure)

    def embed(self, value):
        if not isinstance(value, dict) or not value.get("embed"):
            return None
        url = str(value["embed"])
        embed_value = EmbedValue(url)
        cached = self.objects.embeds.get(get_embed_hash(url))
        if cached is not None:  # otherwise fetched (and stored) on rendering, as for readers
            embed_value.html = render_to_string(
                "wagtailembeds/embed_frontend.html", {"embed": cached}
            )
        block = _STREAM.child_blocks["embed"]
        embed = self._struct(block, value, embed=embed_value)
        return {"url": url, "caption": embed["caption"] or ""}, block.render(embed)

    def also_read(self, value):
        if not isinstance(value, dict):
            return None
        story = self.objects.stories.get(_int(value.get("story")))
        block = _STREAM.child_blocks["also_read"]
        also_read = self._struct(block, value, story=story)
        link = None
        if story is not None:
            link = {"id": story.pk, "url": self.urls(story), "headline": story.title}
        return {"label": also_read["label"] or "", "story": link}, block.render(also_read)

    @staticmethod
    def _struct(block, raw: dict, **preloaded) -> StructValue:
        """A StructBlock's value from its raw data, with the preloaded objects in place of the
        ids (so that nothing is fetched one by one)."""
        values = []
        for name, child in block.child_blocks.items():
            if name in preloaded:
                values.append((name, preloaded[name]))
            else:
                values.append((name, child.to_python(raw.get(name, child.get_default()))))
        return StructValue(block, values)
