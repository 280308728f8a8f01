"""Gutenberg's blocks: the block comments (`<!-- wp:image {"id":12} -->`) read into a tree, each
block by its kind; columns and groups are flattened, an unknown block is kept as text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from masthead.wordpress import plainmarkup
from masthead.wordpress.body.output import ImageRef, to_int

BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{(?:(?!-->).)*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
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


class GutenbergBlocks:
    """The converter's reading of blocks (a mixin of `body.Converter`: the classic HTML's
    methods, `classic`, `blockquote`, `table`, `html_images`, are `classic.ClassicHtml`'s)."""

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
            handler = GutenbergBlocks.classic_block
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

    def image_block(self, block: Block) -> None:
        self.html_images(block.html(), block.attrs.get("id"))

    def gallery_block(self, block: Block) -> None:
        if block.children():
            self.blocks(block.children())
            return
        for wp_id in block.attrs.get("ids", []) or []:
            self.image(ImageRef(to_int(wp_id), ""))

    def table_block(self, block: Block) -> None:
        self.table(block.html())

    def embed_block(self, block: Block) -> None:
        soup = BeautifulSoup(block.html(), "html.parser")
        caption = soup.find("figcaption")
        self.link(
            block.attrs.get("url", "") or soup.get_text(" ").strip(),
            caption.get_text(" ").strip() if caption else "",
        )


BLOCK_HANDLERS = {
    "core/paragraph": GutenbergBlocks.paragraph_block,
    "core/heading": GutenbergBlocks.heading_block,
    "core/list": GutenbergBlocks.paragraph_block,
    "core/list-item": GutenbergBlocks.paragraph_block,
    "core/quote": GutenbergBlocks.quote_block,
    "core/pullquote": GutenbergBlocks.quote_block,
    "core/image": GutenbergBlocks.image_block,
    "core/gallery": GutenbergBlocks.gallery_block,
    "core/table": GutenbergBlocks.table_block,
    "core/embed": GutenbergBlocks.embed_block,
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
        GutenbergBlocks.classic_block,
    ),
}
