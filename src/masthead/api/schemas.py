"""What the API answers: the JSON shapes, documented in /api/openapi.json."""

from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema


class Error(Schema):
    detail: str = Field(description="What went wrong, for people.")


class ValidationIssue(Schema):
    loc: list[str | int] = Field(description='Where: ["query", "limit"], ["path", "id"], ...')
    msg: str
    type: str
    ctx: dict[str, Any] | None = None


class ValidationErrors(Schema):
    detail: list[ValidationIssue]


class Link(Schema):
    id: int
    title: str
    url: str


class Rendition(Schema):
    url: str = Field(description="Absolute URL of a JPEG rendition.")
    width: int
    height: int


class LeadImage(Rendition):
    alt: str
    caption: str
    credit: str


class Byline(Schema):
    name: str
    slug: str
    role: str = Field(description="reporting, author, photographer, ...")
    role_label: str = Field(description='As readers see it: "Reporting by", "By", ...')
    url: str


class TagRef(Schema):
    name: str
    slug: str


class Credit(Schema):
    name: str
    slug: str
    url: str


# The body's blocks -------------------------------------------------------------------------------


class Quote(Schema):
    text: str
    verb: str
    speaker: str
    speaker_description: str


class Figure(Schema):
    image: Rendition
    alt: str
    caption: str
    credit: str


class Embed(Schema):
    url: str
    caption: str


class StoryLink(Schema):
    id: int
    url: str
    headline: str


class AlsoRead(Schema):
    label: str
    story: StoryLink | None = Field(
        description="The linked story, or null when it is not public (or no longer exists)."
    )


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    id: str
    value: str = Field(description="HTML, with absolute URLs.")


class HeadingBlock(Schema):
    type: Literal["heading"]
    id: str
    value: str


class QuoteBlock(Schema):
    type: Literal["quote"]
    id: str
    value: Quote


class ImageBlock(Schema):
    type: Literal["image"]
    id: str
    value: Figure


class EmbedBlock(Schema):
    type: Literal["embed"]
    id: str
    value: Embed


class AlsoReadBlock(Schema):
    type: Literal["also_read"]
    id: str
    value: AlsoRead


BodyBlock = Annotated[
    ParagraphBlock | HeadingBlock | QuoteBlock | ImageBlock | EmbedBlock | AlsoReadBlock,
    Field(discriminator="type"),
]


# Resources ---------------------------------------------------------------------------------------


class Story(Schema):
    id: int
    url: str = Field(description="The story's absolute URL on the reader site.")
    headline: str
    standfirst: str
    credit: str = Field(description='The source credit, e.g. "reports Asian Lite News", or "".')
    credit_organisation: Credit | None
    section: Link | None
    published_at: datetime | None = Field(
        description="The public date, in the newsroom's time zone, with its UTC offset."
    )
    reading_minutes: int
    word_count: int
    bylines: list[Byline]
    tags: list[TagRef]
    lead_image: LeadImage | None
    body_html: str = Field(description="The body as readers see it, with absolute URLs.")
    body: list[BodyBlock] = Field(description="The body's blocks, in order.")


class Section(Schema):
    id: int
    title: str
    slug: str
    path: str = Field(description="Slugs from the front page, e.g. world/asia.")
    url: str
    description: str
    parent: int | None = Field(description="The parent section's id; null at the top level.")


class Person(Schema):
    name: str
    slug: str
    kind: str = Field(description="person or organisation")
    job_title: str
    bio: str
    website: str
    url: str = Field(description="The author page's absolute URL.")
    photo: Rendition | None


class Tag(Schema):
    name: str
    slug: str
    url: str
    story_count: int = Field(description="How many public stories carry the tag.")


class ListPage(Schema):
    count: int = Field(description="How many items match, on all pages.")
    limit: int
    offset: int
    next: str | None = Field(description="The next page's absolute URL, or null.")
    previous: str | None = Field(description="The previous page's absolute URL, or null.")


class StoryList(ListPage):
    items: list[Story]


class SectionList(ListPage):
    items: list[Section]


class PersonList(ListPage):
    items: list[Person]


class TagList(ListPage):
    items: list[Tag]
