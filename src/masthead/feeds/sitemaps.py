"""Sitemaps on django.contrib.sitemaps: stories by month, sections, tags, authors, Google News.

Django asks a Sitemap for the protocol and domain of its URLs, and its views offer the
request's (a RequestSite built from the Host header). Here both come from MASTHEAD_BASE_URL.
"""

import re
from functools import cached_property
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import Http404

from masthead.feeds import sitemap_entries as data

STORIES_PART = re.compile(r"stories-(?P<year>\d{4})-(?P<month>\d{2})")


class BaseUrlSitemap(Sitemap):
    """A sitemap of entries listed by a service; its URLs on MASTHEAD_BASE_URL's origin."""

    limit = data.SITEMAP_LIMIT

    def __init__(self, request, entries_of, *args):
        self.request = request
        self.entries_of = entries_of
        self.args = args

    def get_protocol(self, protocol=None):
        return urlsplit(settings.MASTHEAD_BASE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.MASTHEAD_BASE_URL).netloc

    @cached_property
    def entries(self):
        return self.entries_of(self.request, *self.args)

    def items(self):
        return self.entries

    def location(self, entry):
        return entry.location

    def lastmod(self, entry):
        return entry.lastmod


class NewsSitemap(BaseUrlSitemap):
    """Google News: the last two days' stories; at most 1,000, so one file is enough."""

    limit = data.NEWS_SITEMAP_LIMIT

    def __init__(self, request):
        super().__init__(request, data.news_entries)


def sitemap_part(request, section: str) -> BaseUrlSitemap:
    """The Sitemap of one part of the index ("stories-2025-05", "sections", ...); unknown or
    empty parts are not found."""
    month = STORIES_PART.fullmatch(section)
    if month:
        sitemap = BaseUrlSitemap(
            request, data.month_entries, int(month["year"]), int(month["month"])
        )
    elif section in data.PART_ENTRIES:
        sitemap = BaseUrlSitemap(request, data.PART_ENTRIES[section])
    else:
        raise Http404(f"No sitemap is called {section[:40]!r}.")
    if not sitemap.items():
        raise Http404(f"The sitemap {section!r} has no pages.")
    return sitemap
