"""The stories machines see: the request's site's public stories, by the one public date."""

import mimetypes
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from wagtail.models import Site

from masthead.articles.queries import public_stories
from masthead.core.links import absolute_url
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
