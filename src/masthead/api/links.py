"""Absolute URLs in API answers: all from MASTHEAD_BASE_URL, never from the request's Host."""

from types import SimpleNamespace

from django.urls import reverse

from masthead.core.links import absolute_url


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
