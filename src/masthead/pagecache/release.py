"""The code release, part of every cache key: a new release of Masthead (or of the libraries
that render its pages) starts with an empty cache."""

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

import masthead

RENDERING_FILES = ("*.py", "*.html", "*.css", "*.js", "*.svg")


@cache
def release() -> str:
    digest = hashlib.blake2b(digest_size=8)
    for name in ("masthead", "django", "wagtail", "jinja2"):
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=?;".encode())
    root = Path(masthead.__file__).parent
    for pattern in RENDERING_FILES:
        for path in sorted(root.rglob(pattern)):
            if "migrations" in path.parts:
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
