"""Tag slugs readers can follow: every tag gets one that makes an address (/tags/<slug>/).

taggit slugifies a tag's name with Django's `slugify`, which leaves nothing of a name made only of
symbols or emoji ("🙂", "#", "—"): an empty slug makes no URL, and every page, feed or sitemap
that links the tag would fail. Such a tag gets its name transliterated ("🙂" becomes
"slight-smile", with anyascii, which Wagtail itself uses for page slugs), or else
"tag", made unique with a number.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify

FALLBACK = "tag"
_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script


def is_usable(slug: str) -> bool:
    """Whether `slug` makes a readable address: at least one letter or digit."""
    return bool(slug) and bool(_WORD.search(slug))


def readable_slug(name: str) -> str:
    slug = slugify(name, allow_unicode=True)
    if is_usable(slug):
        return slug
    slug = slugify(anyascii(name).replace("_", "-")).strip("-")
    return slug if is_usable(slug) else FALLBACK


def unique_slug(tag_model, name: str, pk=None) -> str:
    """A usable slug for the tag called `name` that no other tag has."""
    base = readable_slug(name)[:90]
    others = tag_model.objects.exclude(pk=pk) if pk else tag_model.objects.all()
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
