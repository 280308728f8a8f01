"""WordPress's shortcodes: `[caption]`, `[gallery ids=…]`, `[embed]`, `[audio]`, `[video]` become
blocks (each first a marker element the classic HTML walk meets in its place); any other is kept
as text and reported."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from masthead.wordpress.body.output import ImageRef, image_ref, to_int

SHORTCODE = re.compile(
    r"\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>[^\]]*)\](?:(?P<inner>.*?)\[/(?P=name)\])?", re.DOTALL
)
SHORTCODE_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
MARKER = "masthead-shortcode"
ATTACHMENT_ID = re.compile(r"attachment_(\d+)")


class Shortcodes:
    """The converter's reading of shortcodes (a mixin of `body.Converter`)."""

    def shortcodes(self, fragment: str) -> str:
        """Known shortcodes become markers (comments) the HTML walk turns into blocks; unknown
        ones stay as text and are reported."""
        self._pending = getattr(self, "_pending", {})

        def replace(match: re.Match) -> str:
            name = match["name"].lower()
            if name not in KNOWN_SHORTCODES:
                self.result.notes.append(f"unknown shortcode [{match['name']}] kept as text")
                return match.group(0)
            key = str(len(self._pending))
            self._pending[key] = (name, shortcode_attrs(match["attrs"]), match["inner"] or "")
            return f'\n\n<{MARKER} data-key="{key}"></{MARKER}>\n\n'

        return SHORTCODE.sub(replace, fragment)

    def placeholder(self, key: str) -> None:
        name, attrs, inner = self._pending.pop(key, ("", {}, ""))
        handler = SHORTCODE_HANDLERS.get(name)
        if handler is not None:
            handler(self, attrs, inner)

    def caption_shortcode(self, attrs: dict, inner: str) -> None:
        soup = BeautifulSoup(inner, "html.parser")
        img = soup.find("img")
        if img is None:
            return
        found = ATTACHMENT_ID.search(attrs.get("id", ""))
        ref = image_ref(img, int(found.group(1)) if found else None)
        for tag in soup.find_all(["img", "a"]):
            if tag.name == "img" or not tag.get_text(strip=True):
                tag.decompose()
        self.image(ref, attrs.get("caption") or soup.get_text(" ", strip=True))

    def gallery_shortcode(self, attrs: dict, inner: str) -> None:
        ids = [to_int(wp_id) for wp_id in attrs.get("ids", "").split(",")]
        for wp_id in ids:
            if wp_id:
                self.image(ImageRef(wp_id, ""))
        if not any(ids):
            self.result.notes.append(
                "[gallery] without ids: the post's attached images are not listed"
            )

    def embed_shortcode(self, attrs: dict, inner: str) -> None:
        self.link(inner.strip() or attrs.get("src", ""))

    def media_shortcode(self, attrs: dict, inner: str) -> None:
        self.link(attrs.get("src") or attrs.get("mp3") or attrs.get("mp4") or "")

    def dropped_shortcode(self, attrs: dict, inner: str) -> None:
        self.result.notes.append("[playlist] dropped")


SHORTCODE_HANDLERS = {
    "caption": Shortcodes.caption_shortcode,
    "wp_caption": Shortcodes.caption_shortcode,
    "gallery": Shortcodes.gallery_shortcode,
    "embed": Shortcodes.embed_shortcode,
    "audio": Shortcodes.media_shortcode,
    "video": Shortcodes.media_shortcode,
    "playlist": Shortcodes.dropped_shortcode,
}


def shortcode_attrs(text: str) -> dict:
    return {
        key.lower(): next(v for v in values if v is not None)
        if any(v is not None for v in values)
        else ""
        for key, *values in SHORTCODE_ATTR.findall(text)
    }
