"""The stories machines see: the request's site's public stories, by the one public date."""

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import router
from django.db.models import F, prefetch_related_objects
from django.db.models.functions import Coalesce, Greatest
from wagtail.images import get_image_model
from wagtail.models import Site

from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_stories
from masthead.core.links import absolute_url
from masthead.core.models import WAGTAILS_OWN, UrlParts, site_root_paths
from masthead.core.sites import site_identity

# The lead image as feeds and sitemaps offer it: at most 1200 pixels wide (never enlarged), JPEG.
FEED_IMAGE_SPEC = "width-1200|format-jpeg|jpegquality-80"
# The date part of the tag URIs (RFC 4151) that identify stories and feeds. It never changes:
# an id, once published, must stay the same.
TAG_URI_DATE = "2025"
_ROOT = "_masthead_feeds_site_root"


@dataclass(frozen=True)
class ImageFile:
    url: str  # absolute
    length: int  # bytes
    mime_type: str
    width: int
    height: int


def site_root(request):
    """The root page of the request's site (looked up once per request), or None."""
    if not hasattr(request, _ROOT):
        site = Site.find_for_request(request)
        setattr(request, _ROOT, site.root_page if site is not None else None)
    return getattr(request, _ROOT)


def site_stories(request):
    """Public stories of the request's site: live, outside view-restricted sections, dated."""
    root = site_root(request)
    stories = public_stories(request).filter(published_at__isnull=False)
    return stories.descendant_of(root) if root is not None else stories.none()


def publication_name(request) -> str:
    """SiteSettings.name, else the Wagtail site's name: what the page header shows."""
    return site_identity(request)["site_name"]


def modified_expression(prefix: str = ""):
    """ArticlePage.modified_at in SQL: the last substantive edit, never before the public date.
    The public modified date: sitemaps' lastmod and feeds' <updated> (minor edits leave it)."""
    published_at = F(f"{prefix}published_at")
    return Greatest(published_at, Coalesce(F(f"{prefix}last_substantive_edit_at"), published_at))


def modified(story) -> datetime:
    """The story's public modified date (ArticlePage.modified_at), in whole seconds."""
    return whole_seconds(story.modified_at)


def last_change(published_at, last_published_at) -> datetime:
    """When the story last changed in any way (minor edits included): HTTP's Last-Modified."""
    return whole_seconds(max(d for d in (published_at, last_published_at) if d is not None))


def whole_seconds(value: datetime | None) -> datetime | None:
    return value.replace(microsecond=0) if value is not None else None


def story_path(story, request) -> str | None:
    """The story's URL path on its site (None where Wagtail cannot route to it)."""
    parts = story.get_url_parts(request)
    return parts[2] if parts and parts[2] else None


def story_url(story, request) -> str:
    return absolute_url(story_path(story, request) or "/")


def tag_uri(specific: str) -> str:
    """A permanent id: tag:<the base URL's host>,<TAG_URI_DATE>:<specific>."""
    return f"tag:{urlsplit(settings.MASTHEAD_BASE_URL).hostname},{TAG_URI_DATE}:{specific}"


def story_guid(story) -> str:
    """The story's permanent id: its page id, which no slug change or move alters."""
    return tag_uri(f"story/{story.pk}")


def lead_image_file(story) -> ImageFile | None:
    """The lead image as feeds and sitemaps offer it (from prefetched renditions)."""
    if story.lead_image_id is None or story.lead_image is None:
        return None
    rendition = story.lead_image.get_rendition(FEED_IMAGE_SPEC)
    mime_type, _ = mimetypes.guess_type(rendition.file.name)
    return ImageFile(
        url=absolute_url(rendition.url),
        length=rendition.file.size,
        mime_type=mime_type or "image/jpeg",
        width=rendition.width,
        height=rendition.height,
    )


def lead_image_url(story) -> str | None:
    """The lead image's URL alone, without touching its file (no size lookup)."""
    if story.lead_image_id is None or story.lead_image is None:
        return None
    return absolute_url(story.lead_image.get_rendition(FEED_IMAGE_SPEC).url)


@dataclass(frozen=True, slots=True)
class StoryRow:
    """What a sitemap's <url> says of a story, read without building the story."""

    pk: int
    path: str | None  # as `story_path`
    title: str
    published_at: datetime
    modified: datetime  # as `modified`
    image_url: str | None  # as `lead_image_url` (None unless asked for)


_COLUMNS = ("pk", "url_path", "title", "published_at", "last_substantive_edit_at")


def story_rows(stories, request, *, images: bool = False) -> list[StoryRow]:
    """`stories` (dated, in their order) as rows of a few columns: one query, with the lead
    images' own columns where `images` (and one more for their renditions, where any has
    one). A story's path comes from its `url_path` and the sites' root paths, as its
    `get_url_parts()` gives it; Wagtail's own, from the story, where that needs more."""
    image_model = get_image_model()
    image_fields = [field.attname for field in image_model._meta.concrete_fields] if images else []
    columns = [*_COLUMNS, *(f"lead_image__{name}" for name in image_fields)]
    rows = list(stories.values_list(*columns))
    lead_images = _lead_images(image_model, image_fields, [row[len(_COLUMNS) :] for row in rows])
    url_parts = UrlParts(site_root_paths(request))
    paths, theirs = {}, []
    for pk, url_path, *_ in rows:
        parts = url_parts(url_path)
        if parts is WAGTAILS_OWN:
            theirs.append(pk)
        else:
            paths[pk] = parts[2] or None
    for story in ArticlePage.objects.filter(pk__in=theirs) if theirs else ():
        paths[story.pk] = story_path(story, request)
    return [
        StoryRow(
            pk=pk,
            path=paths[pk],
            title=title,
            published_at=published,
            modified=whole_seconds(max(published, edited) if edited else published),
            image_url=_image_url(lead_images.get(image[0])) if image else None,
        )
        for (pk, _, title, published, edited, *image) in rows
    ]


def _lead_images(image_model, fields: list[str], rows) -> dict:
    """The lead images of these rows (their columns read with the stories), with renditions."""
    db = router.db_for_read(image_model)
    found = {row[0]: row for row in rows if row and row[0] is not None}
    lead_images = {pk: image_model.from_db(db, fields, row) for pk, row in found.items()}
    prefetch_related_objects(list(lead_images.values()), "renditions")
    return lead_images


def _image_url(image) -> str | None:
    if image is None:
        return None
    return absolute_url(image.get_rendition(FEED_IMAGE_SPEC).url)
