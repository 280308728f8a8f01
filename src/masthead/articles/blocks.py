"""The blocks of a story's body."""

from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html

from masthead.articles.text import plain_text


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "articles/blocks/heading.html"

    def words_of(self, value) -> str:
        return value


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"

    def render_basic(self, value, context=None):
        """The paragraph's HTML, as Wagtail renders it, without a template: Wagtail puts the
        expanded HTML through `wagtailcore/shared/richtext.html` (`{{ html|safe }}`), which the
        reader's Jinja2 engine first looks for and misses, for every paragraph of every story."""
        source = value.source if isinstance(value, RichText) else value or ""
        return mark_safe(expand_db_html(source))  # noqa: S308 (Wagtail's own rich text)

    def words_of(self, value) -> str:
        return plain_text(value.source)

    def get_searchable_content(self, value):
        # The same text as Wagtail's (tags stripped, entities decoded), from the shared cache.
        return [self.words_of(value)] if self.search_index else []


class QuoteBlock(blocks.StructBlock):
    """A quotation with who said it: “…,” said Tahir Khan, an expert of militancy."""

    text = blocks.TextBlock(help_text="The words quoted, without quotation marks.")
    verb = blocks.CharBlock(default="said", max_length=40)
    speaker = blocks.CharBlock(max_length=200, help_text="Who said it, e.g. Tahir Khan")
    speaker_description = blocks.CharBlock(
        required=False, max_length=300, help_text="e.g. an expert of militancy and terrorism"
    )

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"

    def words_of(self, value) -> str:
        return f"“{value['text']}” {attribution(value)}"


def attribution(value) -> str:
    line = f"{value['verb']} {value['speaker']}".strip()
    if value.get("speaker_description"):
        line = f"{line}, {value['speaker_description']}"
    return f"{line}."


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=300, help_text="What the image shows, for readers who cannot see it."
    )
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=200, help_text="e.g. Photo: Reuters")

    class Meta:
        icon = "image"
        template = "articles/blocks/figure.html"


class AlsoReadBlock(blocks.StructBlock):
    """An inline link to another story: ALSO READ: <headline>."""

    story = blocks.PageChooserBlock(page_type="articles.ArticlePage")
    label = blocks.CharBlock(default="Also read", max_length=40)

    class Meta:
        icon = "link"
        template = "articles/blocks/also_read.html"


class EmbedFigureBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A link to a post or video (YouTube, X, Instagram, ...)")
    caption = blocks.CharBlock(required=False, max_length=500)

    class Meta:
        icon = "media"
        template = "articles/blocks/embed.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock(max_length=200)
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedFigureBlock()
    also_read = AlsoReadBlock()
