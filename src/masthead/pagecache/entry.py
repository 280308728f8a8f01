"""A cached response: the bytes to send in each encoding, and what they depend on.

An entry is kept compact, since a server process holds a share of them (docs/page-cache.md,
"Memory"): a page long enough to compress is kept only gzipped and brotli-compressed (a
quarter to a third of its size) and inflated from the gzip for the rare client that accepts
neither (`Entry.body`); its tags and the headers every page has alike are one shared string each
(`shared`), not copies per entry."""

from __future__ import annotations

import gzip
import hashlib
import sys
import zlib
from dataclasses import dataclass, field

import brotli

ENCODINGS = ("br", "gzip")
# Brotli at quality 5 and gzip at 6 compress a 50 KB page in about a millisecond each, once per
# render; the bytes are then reused for every hit.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
MIN_COMPRESS = 512
# What an entry costs beyond its bodies, measured with tracemalloc on story pages
# (tests/pagecache/test_entry.py): the entry, its header list and dict, its own strings; and per
# tag, its place in the tuple and in the Surrogate-Key string.
ENTRY_OVERHEAD = 1024
PER_TAG = 24
# Header pairs kept once for every entry (a few dozen in practice): bounded, against headers
# whose value differs from page to page.
SHARED_MAX = 1_000
_shared: dict = {}


def shared(value):
    """One object for equal header pairs across entries (the first `SHARED_MAX` kept)."""
    kept = _shared.get(value)
    if kept is not None:
        return kept
    if len(_shared) < SHARED_MAX:
        _shared[value] = value
    return value


@dataclass(slots=True)
class Entry:
    status: str
    headers: list[tuple[str, str]]
    # `identity` alone for a short page; `gzip` and `br` (no identity) for the others.
    bodies: dict[str, bytes]
    etag: str
    last_modified: str
    last_modified_at: float
    seq: int
    tags: tuple[str, ...] | frozenset[str]
    expires: float
    length: int = -1  # of the identity body; -1: that of bodies["identity"]
    checked: int = field(default=-1, compare=False)
    # Headers of a hit per encoding, built at the first hit in this process (http._prepared).
    prepared: dict = field(default_factory=dict, compare=False)
    # The identity body inflated from the gzip, while store.Inflated keeps it.
    inflated: bytes | None = field(default=None, compare=False)

    @property
    def size(self) -> int:
        """The bytes this entry holds in memory, its bodies and its bookkeeping."""
        bodies = sum(len(body) for body in self.bodies.values())
        return bodies + PER_TAG * len(self.tags) + ENTRY_OVERHEAD

    @property
    def encodings(self) -> tuple[str, ...]:
        """Every encoding this entry can be sent in: identity and those stored."""
        return ("identity", *(name for name in self.bodies if name != "identity"))

    @property
    def identity_length(self) -> int:
        return self.length if self.length >= 0 else len(self.bodies["identity"])

    def body(self, encoding: str) -> bytes:
        """The bytes to send in `encoding`; identity inflated from the gzip if not stored."""
        body = self.bodies.get(encoding)
        if body is None and encoding == "identity":
            return zlib.decompress(self.bodies["gzip"], wbits=31)
        return body

    def etag_for(self, encoding: str) -> str:
        return f'"{self.etag}"' if encoding == "identity" else f'"{self.etag}-{encoding}"'


def compressed_variants(body: bytes) -> dict[str, bytes]:
    """What an entry keeps of `body`: itself if short, else its gzip and brotli forms only."""
    if len(body) < MIN_COMPRESS:
        return {"identity": body}
    return {
        "gzip": gzip.compress(body, GZIP_LEVEL, mtime=0),
        "br": brotli.compress(body, quality=BROTLI_QUALITY),
    }


def shared_tags(tags) -> tuple[str, ...]:
    """Sorted, each tag one string for every entry (`page-12` is in many pages' lists)."""
    return tuple(sorted(sys.intern(tag) for tag in tags))


def content_etag(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=10).hexdigest()


def choose_encoding(accept_encoding: str, available) -> str:
    """The best encoding the client accepts among those stored: brotli, then gzip."""
    if not accept_encoding or len(available) == 1:
        return "identity"
    accepted = set()
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        params = params.replace(" ", "")
        if params in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            continue
        accepted.add(name.strip())
    for encoding in ENCODINGS:
        if (encoding in accepted or "*" in accepted) and encoding in available:
            return encoding
    return "identity"


def matches_etag(if_none_match: str, entry: Entry) -> bool:
    if if_none_match.strip() == "*":
        return True
    tokens = {token.strip().removeprefix("W/") for token in if_none_match.split(",")}
    return any(entry.etag_for(encoding) in tokens for encoding in entry.encodings)
