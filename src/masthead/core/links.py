"""Absolute URLs: every one comes from MASTHEAD_BASE_URL, never from the request's Host header."""

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse


def absolute_url(path: str) -> str:
    """`path` (a site-relative URL such as /top-news/story/) on the site's public origin."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.MASTHEAD_BASE_URL + ("" if path.startswith("/") else "/") + path


@lru_cache(maxsize=4096)
def _reverse(viewname, args, kwargs, prefix, urlconf) -> str:
    return reverse(viewname, args=args, kwargs=dict(kwargs))


def site_url(viewname: str, args=None, kwargs=None) -> str:
    """`reverse()`, remembered per process (the site's own URLs, printed many times on every
    reader page, are the same for every request under one script prefix and URLconf)."""
    kwargs = tuple(sorted(kwargs.items())) if kwargs else ()
    return _reverse(viewname, tuple(args or ()), kwargs, get_script_prefix(), get_urlconf())


@lru_cache(maxsize=256)
def static_url(path: str) -> str:
    """A static file's URL (its hashed name from the manifest), looked up once per process:
    every reader page asks for the same few."""
    return static(path)


# A page's path below its site's root as Wagtail's serve pattern reverses it unchanged: ASCII
# slugs, each followed by a slash (`reverse()` quotes anything else).
_PLAIN_PAGE_PATH = re.compile(r"(?:[A-Za-z0-9_-]+/)*")


def page_path(relative: str) -> str:
    """`reverse("wagtail_serve", args=(relative,))`: the URL of the page at `relative` below
    its site's root. A plain path is put after the served root, where the URLconf reverses
    it so (a story page prints some fifteen page URLs, most seen once by the process);
    anything else is reversed, remembered like `site_url()`."""
    return page_paths()(relative)


def page_paths() -> Callable[[str], str]:
    """`page_path` under the current script prefix and URLconf, looked up once: for many
    pages (a sitemap's)."""
    prefix, urlconf = get_script_prefix(), get_urlconf()
    root = _served_root(prefix, urlconf)

    def path(relative: str) -> str:
        if root is not None and _PLAIN_PAGE_PATH.fullmatch(relative):
            return root + relative
        return _reverse("wagtail_serve", (relative,), (), prefix, urlconf)

    return path


@lru_cache(maxsize=16)
def _served_root(prefix, urlconf) -> str | None:
    """Where the URLconf serves pages, if it reverses a plain path by putting it there."""
    root = _reverse("wagtail_serve", ("",), (), prefix, urlconf)
    return root if _reverse("wagtail_serve", ("a/",), (), prefix, urlconf) == root + "a/" else None


URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "data")
SRCSET_ATTRIBUTES = ("srcset",)
_URL_ATTRIBUTE = re.compile(r"\b(?:href|src|srcset|poster|cite|action|data)\s*=", re.IGNORECASE)


def absolute_link(url: str) -> str:
    """A link as it must read away from the site (feeds, the API): relative ones made absolute."""
    url = url.strip()
    if not url or url.startswith("#"):
        return url
    if url.startswith("//"):  # protocol-relative: the site's own scheme
        return f"{urlsplit(settings.MASTHEAD_BASE_URL).scheme}:{url}"
    if urlsplit(url).scheme:  # http:, https:, mailto:, tel:, data: ...
        return url
    return absolute_url(url)


def absolute_srcset(value: str) -> str:
    """Each candidate of a srcset ("/a.webp 480w, /b.webp 800w") made absolute."""
    candidates = []
    for candidate in value.split(","):
        parts = candidate.strip().split(maxsplit=1)
        if parts:
            candidates.append(" ".join([absolute_link(parts[0]), *parts[1:]]))
    return ", ".join(candidates)


def absolute_html(fragment: str) -> str:
    """`fragment` with every relative URL (href, src, srcset, ...) on MASTHEAD_BASE_URL."""
    if not fragment.strip():
        return ""
    if not _URL_ATTRIBUTE.search(fragment):
        return fragment  # no URL attribute at all: spare the parser
    # html.parser knows HTML's void elements (<source>, <img>), which libxml2's parser does not.
    soup = BeautifulSoup(fragment, "html.parser")
    for element in soup.find_all(True):
        for name in URL_ATTRIBUTES:
            if isinstance(element.get(name), str):
                element[name] = absolute_link(element[name])
        for name in SRCSET_ATTRIBUTES:
            if isinstance(element.get(name), str):
                element[name] = absolute_srcset(element[name])
    return soup.decode(formatter="minimal")
