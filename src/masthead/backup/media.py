"""The media files (uploads, renditions, documents) in and out of their storages.

`media/<name>` members come from the default storage: the local folder, or the private part of
the bucket with object storage. `renditions/<name>` come from Wagtail's rendition storage when
settings/storage.py gives renditions one of their own (the public part of the bucket).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage, storages

from masthead.backup.archive import ArchiveError, ArchiveWriter

REPORT_EVERY = 100


def stores() -> dict[str, Storage]:
    """The storages to back up, by the archive folder that holds their files."""
    found = {"media": default_storage}
    alias = getattr(settings, "WAGTAILIMAGES_RENDITION_STORAGE", None)
    if isinstance(alias, str) and alias in settings.STORAGES and alias != "default":
        found["renditions"] = storages[alias]
    return found


def walk(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in the storage, folders first-level first."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a local media folder that was never created
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from walk(storage, f"{folder}/{name}" if folder else name)


def is_empty() -> bool:
    return not any(next(walk(storage), None) for storage in stores().values())


def back_up(writer: ArchiveWriter, progress: Callable[[int], None]) -> tuple[int, int]:
    """Add every media file to the archive, calling `progress(files)` after each; the number
    of files and of bytes."""
    count = total = 0
    for prefix, storage in stores().items():
        for name in walk(storage):
            size = storage.size(name)
            with storage.open(name, "rb") as source:
                writer.add(f"{prefix}/{name}", source, size)
            count, total = count + 1, total + size
            progress(count)
    return count, total


def restore(member: str, staged: Path) -> None:
    prefix, _slash, name = member.partition("/")
    store = stores().get(prefix)
    if store is None:
        raise ArchiveError(f"{member}: this installation has no {prefix!r} storage")
    with staged.open("rb") as data:
        saved = store.save(name, File(data, name=name))
    if saved != name:
        raise ArchiveError(f"{member}: stored as {saved!r} (a file of that name was in the way)")
