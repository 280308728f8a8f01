"""A WordPress post's content as a story's body blocks.

Gutenberg's block comments (`<!-- wp:image {"id":12} -->`) are read into a tree; columns and
groups are flattened; classic HTML (and the inside of an HTML block) is split into paragraphs,
headings, quotes, lists and images. `[caption]`, `[gallery]`, `[embed]`, `[audio]`, `[video]`
shortcodes are understood; any other is kept as text and reported. Everything passes through
nh3 (sanitise.py). Embeds become links: nothing is fetched, at import or when a page renders.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from masthead.wordpress import plainmarkup, sanitise

BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{(?:(?!-->).)*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
SHORTCODE = re.compile(
    r"\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>[^\]]*)\](?:(?P<inner>.*?)\[/(?P=name)\])?", re.DOTALL
)
SHORTCODE_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
MARKER = "masthead-shortcode"
BLOCK_START = re.compile(
    r"^<(?:/?(?:table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|blockquote|div|figure|pre|hr|iframe|section)\b|masthead-shortcode)",
    re.I,
)
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
FLATTENED = {
    "core/columns",
    "core/column",
    "core/group",
    "core/row",
    "core/stack",
    "core/cover",
    "core/media-text",
    "core/buttons",
    "core/button",
    "core/details",
}
SKIPPED = {"core/separator", "core/spacer", "core/more", "core/nextpage", "core/page-break"}
WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
ATTACHMENT_ID = re.compile(r"attachment_(\d+)")


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


@dataclass
class Block:
    name: str
    attrs: dict
    parts: list = field(default_factory=list)  # str | Block

    def html(self) -> str:
        return "".join(p if isinstance(p, str) else p.html() for p in self.parts)

    def own_html(self) -> str:
        return "".join(p for p in self.parts if isinstance(p, str))

    def children(self) -> list[Block]:
        return [p for p in self.parts if isinstance(p, Block)]


def parse_blocks(content: str) -> list:
    """Gutenberg's serialisation as a list of str (classic HTML between blocks) and Block."""
    root = Block("root", {})
    stack = [root]
    at = 0
    for match in BLOCK_COMMENT.finditer(content):
        if match.start() > at:
            stack[-1].parts.append(content[at : match.start()])
        at = match.end()
        name = match["name"]
        if "/" not in name:
            name = f"core/{name}"
        try:
            attrs = json.loads(match["attrs"]) if match["attrs"] else {}
        except ValueError:
            attrs = {}
        if match["closer"]:
            if len(stack) > 1 and stack[-1].name == name:
                stack.pop()
            continue
        block = Block(name, attrs if isinstance(attrs, dict) else {})
        stack[-1].parts.append(block)
        if not match["void"]:
            stack.append(block)
    if at < len(content):
        stack[-1].parts.append(content[at:])
    return root.parts


class Converter:
    def __init__(self, find_image: ImageFinder):
        self.find_image = find_image
        self.result = Conversion()

    # Output --------------------------------------------------------------------------------

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

    # Gutenberg -----------------------------------------------------------------------------

    def blocks(self, parts: list) -> None:
        for part in parts:
            if isinstance(part, str):
                if part.strip():
                    self.classic(part)
            else:
                self.block(part)

    def block(self, block: Block) -> None:
        name = block.name
        if name.startswith("core-embed/"):
            name = "core/embed"
        if name in FLATTENED:
            self.blocks(block.children() or [block.own_html()])
            return
        if name in SKIPPED:
            if name == "core/separator":
                self.result.notes.append("separator dropped")
            return
        handler = BLOCK_HANDLERS.get(name)
        if handler is None:
            self.result.notes.append(f"unknown block {name} kept as text")
            handler = Converter.classic_block
        handler(self, block)

    def classic_block(self, block: Block) -> None:
        self.classic(block.html())

    def paragraph_block(self, block: Block) -> None:
        self.paragraph(block.html())

    def heading_block(self, block: Block) -> None:
        self.heading(block.html())

    def quote_block(self, block: Block) -> None:
        markup = block.html()
        simple = plainmarkup.simple_quote(markup)
        if simple is None:
            self.blockquote(BeautifulSoup(markup, "html.parser"))
        else:
            self.quote(*simple)

    def blockquote(self, node) -> None:
        cite = node.find("cite")
        cite_text = cite.get_text(" ") if cite else ""
        if cite:
            cite.decompose()
        self.quote(node.get_text(" "), cite_text)

    def image_block(self, block: Block) -> None:
        self.html_images(block.html(), block.attrs.get("id"))

    def gallery_block(self, block: Block) -> None:
        if block.children():
            self.blocks(block.children())
            return
        for wp_id in block.attrs.get("ids", []) or []:
            self.image(ImageRef(_int(wp_id), ""))

    def table_block(self, block: Block) -> None:
        self.table(block.html())

    def embed_block(self, block: Block) -> None:
        soup = BeautifulSoup(block.html(), "html.parser")
        caption = soup.find("figcaption")
        self.link(
            block.attrs.get("url", "") or soup.get_text(" ").strip(),
            caption.get_text(" ").strip() if caption else "",
        )

    def table(self, fragment: str) -> None:
        soup = BeautifulSoup(fragment, "html.parser")
        for row in soup.find_all("tr"):
            cells = [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
            if any(cells):
                self.paragraph("<p>" + html.escape(" · ".join(cells)) + "</p>")
        self.result.notes.append("table flattened to one paragraph per row")

    def html_images(self, fragment: str, wp_id=None) -> None:
        soup = BeautifulSoup(fragment, "html.parser")
        caption = soup.find("figcaption")
        caption_text = caption.get_text(" ", strip=True) if caption else ""
        for img in soup.find_all("img"):
            self.image(_image_ref(img, wp_id), caption_text)

    # Classic HTML and shortcodes ------------------------------------------------------------

    def classic(self, fragment: str) -> None:
        fragment = self.shortcodes(fragment)
        if "<p" not in fragment:
            fragment = autop(fragment)
        loose: list[str] = []
        for node in list(BeautifulSoup(fragment, "html.parser").children):
            if isinstance(node, NavigableString):
                if not isinstance(node, Comment):
                    loose.append(html.escape(str(node)))
                continue
            if not isinstance(node, Tag) or node.name in DROPPED_TAGS:
                continue
            handler = NODE_HANDLERS.get(node.name)
            if handler is None:
                loose.append(str(node))
                continue
            if loose:
                self.paragraph("".join(loose))
                loose.clear()
            handler(self, node)
        if loose:
            self.paragraph("".join(loose))

    def marker_node(self, node: Tag) -> None:
        self.placeholder(node.get("data-key", ""))

    def heading_node(self, node: Tag) -> None:
        self.heading(str(node))

    def paragraph_node(self, node: Tag) -> None:
        for img in node.find_all("img"):
            self.image(_image_ref(img))
            img.decompose()
        markers = [marker.extract() for marker in node.find_all(MARKER)]
        self.paragraph(str(node))
        for marker in markers:
            self.marker_node(marker)

    def list_node(self, node: Tag) -> None:
        self.paragraph(str(node))

    def table_node(self, node: Tag) -> None:
        self.table(str(node))

    def figure_node(self, node: Tag) -> None:
        self.html_images(str(node))

    def media_node(self, node: Tag) -> None:
        self.link(node.get("src") or node.get("data") or "")

    def container_node(self, node: Tag) -> None:
        self.classic(node.decode_contents())

    def rule_node(self, node: Tag) -> None:
        pass

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
            self._pending[key] = (name, _shortcode_attrs(match["attrs"]), match["inner"] or "")
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
        ref = _image_ref(img, int(found.group(1)) if found else None)
        for tag in soup.find_all(["img", "a"]):
            if tag.name == "img" or not tag.get_text(strip=True):
                tag.decompose()
        self.image(ref, attrs.get("caption") or soup.get_text(" ", strip=True))

    def gallery_shortcode(self, attrs: dict, inner: str) -> None:
        ids = [_int(wp_id) for wp_id in attrs.get("ids", "").split(",")]
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


BLOCK_HANDLERS = {
    "core/paragraph": Converter.paragraph_block,
    "core/heading": Converter.heading_block,
    "core/list": Converter.paragraph_block,
    "core/list-item": Converter.paragraph_block,
    "core/quote": Converter.quote_block,
    "core/pullquote": Converter.quote_block,
    "core/image": Converter.image_block,
    "core/gallery": Converter.gallery_block,
    "core/table": Converter.table_block,
    "core/embed": Converter.embed_block,
    **dict.fromkeys(
        [
            "core/html",
            "core/freeform",
            "core/classic",
            "core/preformatted",
            "core/code",
            "core/verse",
            "core/shortcode",
        ],
        Converter.classic_block,
    ),
}
DROPPED_TAGS = {"script", "style", "noscript", "template", "head"}
NODE_HANDLERS = {
    MARKER: Converter.marker_node,
    **dict.fromkeys(HEADINGS, Converter.heading_node),
    "p": Converter.paragraph_node,
    "ul": Converter.list_node,
    "ol": Converter.list_node,
    "blockquote": Converter.blockquote,
    "table": Converter.table_node,
    "figure": Converter.figure_node,
    "img": Converter.figure_node,
    **dict.fromkeys(["iframe", "video", "audio", "embed", "object"], Converter.media_node),
    **dict.fromkeys(
        ["div", "section", "article", "aside", "main", "header", "footer"], Converter.container_node
    ),
    "hr": Converter.rule_node,
}
SHORTCODE_HANDLERS = {
    "caption": Converter.caption_shortcode,
    "wp_caption": Converter.caption_shortcode,
    "gallery": Converter.gallery_shortcode,
    "embed": Converter.embed_shortcode,
    "audio": Converter.media_shortcode,
    "video": Converter.media_shortcode,
    "playlist": Converter.dropped_shortcode,
}


def autop(text: str) -> str:
    """WordPress's wpautop, roughly: blank lines separate paragraphs, a single newline inside
    a paragraph is a line break; block-level HTML is left as it is."""
    chunks = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(chunks)


def _int(value) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _image_ref(img: Tag, wp_id=None) -> ImageRef:
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
        _int(wp_id) if wp_id is not None else None, img.get("src", ""), img.get("alt", "")
    )


def _shortcode_attrs(text: str) -> dict:
    return {
        key.lower(): next(v for v in values if v is not None)
        if any(v is not None for v in values)
        else ""
        for key, *values in SHORTCODE_ATTR.findall(text)
    }


def convert(content: str, find_image: ImageFinder) -> Conversion:
    """The body blocks (Wagtail's raw stream data) of a post's `content`."""
    converter = Converter(find_image)
    converter.blocks(parse_blocks(content.replace("\r\n", "\n")))
    return converter.result
