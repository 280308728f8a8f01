"""The Jinja2 environment of the reader templates."""

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment

from masthead.articles.text import credit_separator, first_words
from masthead.core.dates import iso_datetime, long_date, long_datetime
from masthead.seo.builders import head_meta
from masthead.seo.head import html_lang

EXTENSIONS = [
    "wagtail.jinja2tags.core",
    "wagtail.admin.jinja2tags.userbar",
    "wagtail.images.jinja2tags.images",
    "wagtail.contrib.settings.jinja2tags.settings",
]


def environment(**options) -> Environment:
    options.setdefault("extensions", [])
    options["extensions"] = [*options["extensions"], *EXTENSIONS]
    env = Environment(**options)  # noqa: S701 (autoescape is set by Django's Jinja2 backend)
    env.globals.update(static=static, url=reverse, head_meta=head_meta, html_lang=html_lang)
    env.filters.update(
        long_date=long_date,
        long_datetime=long_datetime,
        iso_datetime=iso_datetime,
        first_words=first_words,
        credit_separator=credit_separator,
    )
    return env
