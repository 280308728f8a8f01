"""Static files: hashed, compressed and cached for ten years once collected; plain names before.

`masthead serve` collects the static files into STATIC_ROOT (`collectstatic`, with WhiteNoise's
compressed manifest storage) whenever the collection is missing or older than its sources, so
every URL that the site prints names a file by its content hash, which WhiteNoise serves with
`Cache-Control: max-age=315360000, public, immutable`.

Until a manifest exists (`make demo`, `runserver`, the tests) the storage hands out the plain
names, which WhiteNoise serves from the apps' folders through the finders.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from django.contrib.staticfiles import finders
from whitenoise.storage import CompressedManifestStaticFilesStorage


class CollectedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's CompressedManifestStaticFilesStorage, switched on by its manifest.

    Without a manifest (nothing collected yet), or for a file the manifest does not list (a
    collection older than the code: `serve` refreshes it), the name is the plain one.
    """

    def stored_name(self, name):
        if not self.hashed_files:
            return name
        try:
            return super().stored_name(name)
        except ValueError:
            return name


def source_files() -> Iterator[tuple[str, Path]]:
    """(name, path) of each file that `collectstatic` would collect, first match first."""
    seen: set[str] = set()
    for finder in finders.get_finders():
        for name, storage in finder.list(None):
            prefix = (getattr(storage, "prefix", None) or "").strip("/")
            full_name = f"{prefix}/{name}" if prefix else name
            full_name = full_name.replace(os.sep, "/")
            if full_name not in seen:
                seen.add(full_name)
                yield full_name, Path(storage.path(name))


def collection_is_stale(storage) -> str | None:
    """Why STATIC_ROOT must be collected again, or None when its manifest is up to date.

    Stale: no manifest, an unreadable one, a source file that it does not list, or a source
    file changed after it was written.
    """
    manifest = Path(storage.path(storage.manifest_name))
    try:
        written = manifest.stat().st_mtime
        listed = json.loads(manifest.read_text())["paths"]
    except FileNotFoundError:
        return "nothing collected yet"
    except (OSError, ValueError, KeyError, TypeError):
        return f"unreadable manifest {manifest}"
    for name, path in source_files():
        if name not in listed:
            return f"{name} is new"
        if path.stat().st_mtime > written:
            return f"{name} changed"
    return None
