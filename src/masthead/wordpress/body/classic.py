"""Classic HTML (a classic post, the HTML between blocks, an HTML block): blank lines make
paragraphs, as `wpautop` does, then each element becomes its block: headings, paragraphs, lists,
quotes, tables (a paragraph a row), images and figures, media (a link); containers are read
through, scripts and styles dropped."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from masthead.wordpress.body.output import image_ref
from masthead.wordpress.body.shortcodes import MARKER

BLOCK_START = re.compile(
    r"^<(?:/?(?:table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|blockquote|div|figure|pre|hr|iframe|section)\b|masthead-shortcode)",
    re.I,
)
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
DROPPED_TAGS = {"script", "style", "noscript", "template", "head"}


class ClassicHtml:
    """The converter's reading of HTML (a mixin of `body.Converter`: `shortcodes` and
    `placeholder` are `shortcodes.Shortcodes`')."""

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

    def blockquote(self, node) -> None:
        cite = node.find("cite")
        cite_text = cite.get_text(" ") if cite else ""
        if cite:
            cite.decompose()
        self.quote(node.get_text(" "), cite_text)

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
            self.image(image_ref(img, wp_id), caption_text)

    def marker_node(self, node: Tag) -> None:
        self.placeholder(node.get("data-key", ""))

    def heading_node(self, node: Tag) -> None:
        self.heading(str(node))

    def paragraph_node(self, node: Tag) -> None:
        for img in node.find_all("img"):
            self.image(image_ref(img))
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


NODE_HANDLERS = {
    MARKER: ClassicHtml.marker_node,
    **dict.fromkeys(HEADINGS, ClassicHtml.heading_node),
    "p": ClassicHtml.paragraph_node,
    "ul": ClassicHtml.list_node,
    "ol": ClassicHtml.list_node,
    "blockquote": ClassicHtml.blockquote,
    "table": ClassicHtml.table_node,
    "figure": ClassicHtml.figure_node,
    "img": ClassicHtml.figure_node,
    **dict.fromkeys(["iframe", "video", "audio", "embed", "object"], ClassicHtml.media_node),
    **dict.fromkeys(
        ["div", "section", "article", "aside", "main", "header", "footer"],
        ClassicHtml.container_node,
    ),
    "hr": ClassicHtml.rule_node,
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
