"""A WordPress post's content as a story's body blocks.

Gutenberg's block comments (`<!-- wp:image {"id":12} -->`) are read into a tree; columns and
groups are flattened; classic HTML (and the inside of an HTML block) is split into paragraphs,
headings, quotes, lists and images. `[caption]`, `[gallery]`, `[embed]`, `[audio]`, `[video]`
shortcodes are understood; any other is kept as text and reported. Everything passes through
nh3 (sanitise.py). Embeds become links: nothing is fetched, at import or when a page renders.

One converter, a module a concern: `gutenberg.py` (the blocks), `classic.py` (classic HTML),
`shortcodes.py`, and `output.py` (the blocks written, images found by reference).
"""

from __future__ import annotations

from masthead.wordpress.body.classic import ClassicHtml, autop
from masthead.wordpress.body.gutenberg import Block, GutenbergBlocks, parse_blocks
from masthead.wordpress.body.output import Conversion, ImageFinder, ImageRef, Output
from masthead.wordpress.body.shortcodes import Shortcodes

__all__ = [
    "Block",
    "Conversion",
    "Converter",
    "ImageFinder",
    "ImageRef",
    "autop",
    "convert",
    "parse_blocks",
]


class Converter(GutenbergBlocks, ClassicHtml, Shortcodes, Output):
    """A post's content, block by block, into `self.result`."""


def convert(content: str, find_image: ImageFinder) -> Conversion:
    """The body blocks (Wagtail's raw stream data) of a post's `content`."""
    converter = Converter(find_image)
    converter.blocks(parse_blocks(content.replace("\r\n", "\n")))
    return converter.result
