"""A story's body as feed readers get it: rendered by Wagtail, with every URL in it absolute.

Feed readers show the HTML away from the site, where a relative link or image has no base.
"""

from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.conf import settings

from masthead.core.links import absolute_url

URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "data")
SRCSET_ATTRIBUTES = ("srcset",)


def render_body(story, request) -> str:
    """The body through Wagtail's block templates: rich-text links to pages and documents are
    expanded, figures become <picture>s, "also read" blocks link their story."""
    context = {"request": request}
    # Block by block, as the story page does: no wrapper <div> around each block.
    return "\n".join(str(block.render_as_block(context=context)) for block in story.body)


def absolute_html(fragment: str) -> str:
    """`fragment` with every relative URL (href, src, srcset, ...) on MASTHEAD_BASE_URL."""
    if not fragment.strip():
        return ""
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


def absolute_link(url: str) -> str:
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


def body_html(story, request) -> str:
    return absolute_html(render_body(story, request))
