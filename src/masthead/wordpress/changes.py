"""What of a post or page the export changed since the last import: the whole item's
fingerprint (unchanged items are left alone) and one digest a field, kept with the mapping row,
so that an update, and a dry run, can say what changed."""

from __future__ import annotations

import hashlib
import json

from masthead.wordpress import wxr

# The item's fields an import reads, in the fingerprint's order, with what an editor calls them.
FIELDS = (
    ("title", "headline"),
    ("content", "body"),
    ("excerpt", "excerpt"),
    ("post_date", "date"),
    ("post_date_gmt", "date"),
    ("slug", "slug"),
    ("status", "status"),
    ("password", "password"),
    ("sticky", "sticky"),
    ("creator", "author"),
    ("terms", "categories and tags"),
    ("meta", "custom fields"),
)


def _values(item: wxr.Item) -> list:
    values = [getattr(item, name) for name, _label in FIELDS[:-2]]
    return [*values, sorted(item.terms), sorted(item.meta.items())]


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, default=str).encode()).hexdigest()


def fingerprint(item: wxr.Item) -> str:
    """One digest of everything the import reads of the item."""
    return _digest(_values(item))


def field_digests(item: wxr.Item) -> dict[str, str]:
    """A short digest of each field (kept in the mapping row's data as "fields")."""
    return {
        name: _digest(value)[:16] for (name, _), value in zip(FIELDS, _values(item), strict=True)
    }


def changed(known_data: dict | None, item: wxr.Item) -> str:
    """What changed in the export since the import that stored `known_data`, for the summary:
    "changed in the export: headline, body"."""
    before = (known_data or {}).get("fields")
    if not before:  # (imported before the fields were kept)
        return "changed in the export since the last import"
    now = field_digests(item)
    labels = dict.fromkeys(label for name, label in FIELDS if before.get(name) != now[name])
    return "changed in the export: " + ", ".join(labels) if labels else ""
