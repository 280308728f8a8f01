"""The language the site is written in (docs/architecture.md, README's configuration table).

MASTHEAD_LANGUAGE  a language tag (BCP 47: "en", "en-GB", "pt-BR"); default "en". Reader pages
                   declare it (`<html lang>`), the news sitemap gives its ISO 639 part ("en").
                   When set, it is also Django's LANGUAGE_CODE (the admin's language, og:locale,
                   JSON-LD inLanguage); unset, LANGUAGE_CODE stays "en-gb".
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def language_tag(raw: str, name: str = "MASTHEAD_LANGUAGE") -> str:
    """`raw` if it is a language tag; a clear error naming the variable otherwise."""
    tag = raw.strip()
    if not _TAG.fullmatch(tag):
        raise ImproperlyConfigured(
            f"{name}={raw!r}: expected a language tag such as en, en-GB or pt-BR"
        )
    return tag


MASTHEAD_LANGUAGE = language_tag(os.environ.get("MASTHEAD_LANGUAGE", "en"))
if "MASTHEAD_LANGUAGE" in os.environ:
    LANGUAGE_CODE = MASTHEAD_LANGUAGE.lower()
