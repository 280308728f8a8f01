"""Attachments become Wagtail images: files found under `--uploads` (a copy of
wp-content/uploads). A path never leaves that folder; a missing file, an image over Wagtail's
size or pixel limits, an SVG, or a file whose content is not the image its name says is
reported and skipped, never fatal."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files import File
from PIL import Image as PILImage
from wagtail.images import get_image_model

from masthead.wordpress import sanitise, wxr

UPLOADS_MARK = "/wp-content/uploads/"
FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}


class Unusable(Exception):
    """The attachment's file cannot become an image; the message says why."""


def relative_upload_path(url: str) -> str:
    """`2011/01/photo.jpg` of `http://site/wp-content/uploads/2011/01/photo.jpg`."""
    path = unquote(urlsplit(url).path)
    if UPLOADS_MARK in path:
        return path.split(UPLOADS_MARK, 1)[1]
    return ""


def file_under(uploads: Path, url: str) -> Path:
    relative = relative_upload_path(url)
    if not relative:
        raise Unusable(f"not a /wp-content/uploads/ address: {url}")
    root = uploads.resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root):
        raise Unusable(f"the path leaves the uploads folder: {relative}")
    if not candidate.is_file():
        raise Unusable(f"missing file: {relative}")
    return candidate


def check_image(path: Path) -> None:
    extension = path.suffix.lower().lstrip(".")
    if extension == "svg":
        raise Unusable(f"SVG is not imported (it may carry script): {path.name}")
    if extension not in FORMATS:
        raise Unusable(f"not an image Masthead takes (.{extension}): {path.name}")
    limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
    if path.stat().st_size > limit:
        raise Unusable(f"over the {limit // (1024 * 1024)} MB size limit: {path.name}")
    pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    try:
        with PILImage.open(path) as image:
            if image.format != FORMATS[extension] and {image.format, FORMATS[extension]} != {
                "JPEG"
            }:
                raise Unusable(
                    f"content is {image.format}, not what .{extension} says: {path.name}"
                )
            if image.width * image.height > pixels:
                raise Unusable(f"over the {pixels:,} pixel limit: {path.name}")
            image.verify()
    except Unusable:
        raise
    except Exception as error:  # Pillow raises many kinds on a broken file
        raise Unusable(f"not a readable image ({type(error).__name__}): {path.name}") from error


def attachment_facts(item: wxr.Item) -> dict:
    """Alt text, caption and credit as WordPress keeps them."""
    return {
        "alt_text": sanitise.plain(item.meta.get("_wp_attachment_image_alt", ""))[:300],
        "caption": sanitise.plain(item.excerpt)[:500],
        "credit": sanitise.plain(item.meta.get("_media_credit", "") or item.meta.get("credit", ""))[
            :200
        ],
        "url": item.attachment_url or item.guid,
    }


def create_image(uploads: Path, item: wxr.Item):
    path = file_under(uploads, item.attachment_url or item.guid)
    check_image(path)
    Image = get_image_model()
    with path.open("rb") as handle:
        image = Image(title=(item.title or path.stem)[:255])
        image.file.save(path.name, File(handle), save=False)
        if hasattr(image, "_set_image_file_metadata"):
            image._set_image_file_metadata()
        image.save()
    image.file.close()
    return image
