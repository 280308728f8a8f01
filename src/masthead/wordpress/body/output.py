"""What the converter writes: the story's blocks, the notes, and an image by its reference."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import Tag

from masthead.wordpress import sanitise

WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")


@dataclass
class ImageRef:
    """An image the body names: by attachment id, by URL or both."""

    wp_id: int | None
    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was kept as text, skipped or flattened


# (wp_id, url) -> {"image": pk, "alt_text": ..., "caption": ..., "credit": ...} or None
ImageFinder = Callable[[ImageRef], dict | None]


class Output:
    """The blocks of a story's body, each cleaned by nh3 (sanitise.py) on the way in."""

    def __init__(self, find_image: ImageFinder):
        self.find_image = find_image
        self.result = Conversion()

    def add(self, kind: str, value) -> None:
        self.result.blocks.append({"type": kind, "value": value})

    def paragraph(self, fragment: str) -> None:
        cleaned = sanitise.rich_text(fragment)
        if sanitise.cleaned_text(cleaned):
            if not cleaned.startswith(("<p>", "<ul>", "<ol>")):
                cleaned = f"<p>{cleaned}</p>"
            self.add("paragraph", cleaned)

    def heading(self, fragment: str) -> None:
        text = sanitise.plain(fragment)[:200]
        if text:
            self.add("heading", text)

    def quote(self, text: str, cite: str) -> None:
        text, cite = sanitise.plain(text), sanitise.plain(cite)
        if not text:
            return
        if cite:
            self.add(
                "quote",
                {"text": text, "verb": "said", "speaker": cite[:200], "speaker_description": ""},
            )
        else:
            self.paragraph(f"<p>“{html.escape(text)}”</p>")

    def link(self, url: str, caption: str = "") -> None:
        url = sanitise.safe_url(html.unescape(url))
        if not url:
            return
        label = html.escape(caption or url)
        self.add("paragraph", f'<p><a href="{html.escape(url)}">{label}</a></p>')

    def image(self, ref: ImageRef, caption: str = "") -> None:
        found = self.find_image(ref)
        if found is None:
            self.result.notes.append(f"image not imported: {ref.url or ref.wp_id}")
            return
        value = dict(found)
        value["alt_text"] = (sanitise.plain(ref.alt) or value.get("alt_text") or "")[:300]
        value["caption"] = (sanitise.plain(caption or ref.caption) or value.get("caption") or "")[
            :500
        ]
        value.setdefault("credit", "")
        self.add("image", value)


def to_int(value) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def image_ref(img: Tag, wp_id=None) -> ImageRef:
    """An `<img>`'s image: the attachment `wp_id` given, else the one its `wp-image-N` class
    names, and its URL and alt text."""
    if wp_id is None:
        found = WP_IMAGE_CLASS.search(
            " ".join(
                img.get("class", [])
                if isinstance(img.get("class"), list)
                else [img.get("class") or ""]
            )
        )
        wp_id = int(found.group(1)) if found else None
    return ImageRef(
        to_int(wp_id) if wp_id is not None else None, img.get("src", ""), img.get("alt", "")
    )
