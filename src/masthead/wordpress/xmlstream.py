"""The children of an export's <rss><channel>, one at a time, each with its line: the file is
read a block at a time and each child is removed from the tree once it has been handed over, so
an export of any size is read in the memory of one item."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import TreeBuilder

from defusedxml.ElementTree import DefusedXMLParser


class ChannelStream:
    """Each complete child of <rss><channel>, with the line it starts on; cleared after use.

    The file is read a block at a time by defusedxml's parser (no DTD, no entities), whose
    builder is told of each element as expat reaches it: so an element's line is expat's own,
    exact, where an iterparse() only knows the line of the block it has read up to."""

    BLOCK = 64 * 1024

    def __init__(self, path):
        self.path = path
        self.found_channel = False

    def __iter__(self):
        builder = LineBuilder(self)
        parser = DefusedXMLParser(
            target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
        builder.expat = parser.parser
        with open(self.path, "rb") as source:
            while block := source.read(self.BLOCK):
                parser.feed(block)
                yield from builder.take()
            parser.close()
        yield from builder.take()


class LineBuilder:
    """An ElementTree builder that keeps the children of <rss><channel> as they end, each with
    the line its start tag is on (`take` hands them over and removes them from the tree)."""

    def __init__(self, stream: ChannelStream):
        self.stream, self.expat = stream, None
        self.tree = TreeBuilder()
        self.data = self.tree.data  # text goes straight to the builder
        self.depth, self.root, self.channel, self.in_channel = 0, "", None, False
        self.line = 0
        self.ended: list[tuple[object, int]] = []

    def start(self, tag, attributes):
        element = self.tree.start(tag, attributes)
        self.depth += 1
        if self.depth == 1:
            self.root = tag
        elif self.depth == 2 and self.root == "rss" and tag == "channel":
            self.channel, self.in_channel = element, True
            self.stream.found_channel = True
        elif self.depth == 3:
            self.line = self.expat.CurrentLineNumber
        return element

    def end(self, tag):
        element = self.tree.end(tag)
        self.depth -= 1
        if self.depth == 2 and self.in_channel:
            self.ended.append((element, self.line))
        elif self.depth == 1:
            self.in_channel = False  # (what <rss> holds beside its <channel> is not read)
        return element

    def close(self):
        return self.tree.close()

    def take(self) -> Iterator[tuple[object, int]]:
        ended, self.ended = self.ended, []
        for element, line in ended:
            yield element, line
            self.channel.remove(element)
