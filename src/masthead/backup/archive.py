"""The backup archive: one tar file, a manifest last, and a SHA-256 for every other member.

Members: `database/...` (the SQLite copy or the pg_dump), `media/<name>` (every stored file),
`secret_key` (when the key lives in MASTHEAD_HOME) and `manifest.json`, which lists the others
with their size and checksum along with the schema, versions, counts and creation time.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive cannot be restored; the message says why."""


class HashingReader:
    """A file object that hashes what is read through it (tarfile reads a member's bytes)."""

    def __init__(self, raw: BinaryIO):
        self.raw, self.sha256, self.size = raw, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Writes members into a new owner-only tar file, then the manifest, then renames it."""

    def __init__(self, path: Path):
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self.tar = tarfile.open(fileobj=os.fdopen(fd, "wb"), mode="w")  # noqa: SIM115
        self.members: dict[str, dict] = {}

    def add(self, name: str, source: BinaryIO, size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mode = size, 0o600
        reader = HashingReader(source)
        self.tar.addfile(info, reader)
        if reader.size != size:
            raise ArchiveError(f"{name} changed size while it was copied ({size} -> {reader.size})")
        self.members[name] = {"size": size, "sha256": reader.sha256.hexdigest()}

    def add_file(self, name: str, path: Path) -> None:
        with path.open("rb") as source:
            self.add(name, source, path.stat().st_size)

    def finish(self, manifest: dict) -> Path:
        manifest = {"format": FORMAT, **manifest, "members": self.members}
        data = json.dumps(manifest, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(data), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        fileobj = self.tar.fileobj
        self.tar.close()
        fileobj.flush()
        os.fsync(fileobj.fileno())
        fileobj.close()
        self.partial.rename(self.path)
        return self.path

    def abandon(self) -> None:
        self.tar.close()
        self.tar.fileobj.close()
        self.partial.unlink(missing_ok=True)


def read_manifest(path: Path) -> dict:
    """The archive's manifest; ArchiveError if the file is not a whole Masthead archive."""
    try:
        with tarfile.open(path, mode="r:") as tar:
            names = tar.getnames()
            if MANIFEST not in names:
                raise ArchiveError(f"{path}: no {MANIFEST} (truncated, or not a Masthead backup)")
            manifest = json.load(tar.extractfile(MANIFEST))
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise ArchiveError(f"{path}: not a readable tar archive ({error}: truncated?)") from error
    if manifest.get("format") != FORMAT:
        raise ArchiveError(f"{path}: archive format {manifest.get('format')!r}, expected {FORMAT}")
    return manifest


def extract_verified(
    path: Path, manifest: dict, into: Path, progress: Callable[[int, int], None]
) -> Iterator[tuple[str, Path]]:
    """Extract every member listed by the manifest into `into`, checking sizes and checksums.

    Yields nothing until all of them are verified: a single mismatch raises ArchiveError first.
    """
    expected = manifest["members"]
    seen: dict[str, Path] = {}
    with tarfile.open(path, mode="r:") as tar:
        for member in tar:
            if member.name == MANIFEST:
                continue
            if member.name not in expected or not member.isfile():
                raise ArchiveError(f"{path}: {member.name!r} is not listed in the manifest")
            target = into / f"{len(seen):08d}"
            seen[member.name] = target
            check_member(tar, member, target, expected[member.name])
            progress(len(seen), len(expected))
    missing = sorted(set(expected) - set(seen))
    if missing:
        raise ArchiveError(f"{path}: {len(missing)} member(s) missing, e.g. {missing[0]}")
    yield from seen.items()


def check_member(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path, expected: dict):
    digest = hashlib.sha256()
    try:
        with tar.extractfile(member) as source, target.open("wb") as output:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                output.write(chunk)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveError(f"{member.name}: cannot be read ({error}: truncated?)") from error
    if member.size != expected["size"] or digest.hexdigest() != expected["sha256"]:
        raise ArchiveError(f"{member.name}: checksum mismatch (the archive was altered or damaged)")
