"""Absolute URLs: every one comes from MASTHEAD_BASE_URL, never from the request's Host header."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """`path` (a site-relative URL such as /top-news/story/) on the site's public origin."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.MASTHEAD_BASE_URL + ("" if path.startswith("/") else "/") + path
