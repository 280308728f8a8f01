"""Absolute URLs in API answers: all from MASTHEAD_BASE_URL, never from the request's Host."""

import re
from types import SimpleNamespace

from bs4 import BeautifulSoup
from django.urls import reverse

from masthead.core.links import absolute_url

URL_ATTRIBUTES = ("href", "src", "poster")
# A cheap test for an attribute value that may start with "/"; the parser does the real work.
_MAYBE_RELATIVE = re.compile(r"=\s*[\"']?/")
SRCSET_ATTRIBUTES = ("srcset",)


class PageUrls:
    """Pages' absolute URLs, with Wagtail's site root paths looked up once per API request."""

    def __init__(self):
        # Wagtail caches the site root paths on whatever object it is given; a plain one keeps
        # the request (and its Host header) out of URL building.
        self._cache = SimpleNamespace()

    def path(self, page) -> str:
        """The page's path on its site: /world/asia/."""
        parts = page.get_url_parts(request=self._cache)
        if parts is None or parts[2] is None:
            return page.url_path
        return parts[2]

    def __call__(self, page) -> str:
        return absolute_url(self.path(page))


def person_url(person) -> str:
    return absolute_url(person.get_absolute_url())


def tag_url(slug: str) -> str:
    return absolute_url(reverse("tag", kwargs={"slug": slug}))


def rendition_url(rendition) -> str:
    return absolute_url(rendition.url)


def _absolute(value: str) -> str:
    return absolute_url(value) if value.startswith("/") and not value.startswith("//") else value


def _absolute_srcset(value: str) -> str:
    candidates = []
    for candidate in value.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        candidates.append(f"{_absolute(url)} {descriptor}".strip())
    return ", ".join(candidates)


def absolute_urls_in(html: str) -> str:
    """`html` with its site-relative links and image sources made absolute."""
    if not _MAYBE_RELATIVE.search(html):
        return html  # nothing to rewrite: spare the parser
    soup = BeautifulSoup(html, "html.parser")
    for attribute in URL_ATTRIBUTES:
        for element in soup.find_all(attrs={attribute: True}):
            element[attribute] = _absolute(element[attribute])
    for attribute in SRCSET_ATTRIBUTES:
        for element in soup.find_all(attrs={attribute: True}):
            element[attribute] = _absolute_srcset(element[attribute])
    return str(soup)
