"""A cached response: the bytes to send in each encoding, and what they depend on."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass, field

import brotli

ENCODINGS = ("br", "gzip")
# Brotli at quality 5 and gzip at 6 compress a 50 KB page in about a millisecond each, once per
# render; the bytes are then reused for every hit.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
MIN_COMPRESS = 512


@dataclass(slots=True)
class Entry:
    status: str
    headers: list[tuple[str, str]]
    bodies: dict[str, bytes]
    etag: str
    last_modified: str
    last_modified_at: float
    seq: int
    tags: frozenset[str]
    expires: float
    checked: int = field(default=-1, compare=False)
    # Headers of a hit per encoding, built at the first hit in this process (http._prepared).
    prepared: dict = field(default_factory=dict, compare=False)

    @property
    def size(self) -> int:
        return sum(len(body) for body in self.bodies.values()) + 64 * len(self.tags) + 512

    def etag_for(self, encoding: str) -> str:
        return f'"{self.etag}"' if encoding == "identity" else f'"{self.etag}-{encoding}"'


def compressed_variants(body: bytes) -> dict[str, bytes]:
    bodies = {"identity": body}
    if len(body) >= MIN_COMPRESS:
        bodies["gzip"] = gzip.compress(body, GZIP_LEVEL, mtime=0)
        bodies["br"] = brotli.compress(body, quality=BROTLI_QUALITY)
    return bodies


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
    return any(entry.etag_for(encoding) in tokens for encoding in entry.bodies)
