"""Reading rendered pages the way a reader sees them."""

import re

from lxml import html as lxml_html


def parse(response):
    assert response.status_code == 200, response.status_code
    return lxml_html.fromstring(response.content.decode())


def visible_text(element) -> str:
    """The element's text as a browser would show it, whitespace collapsed."""
    return re.sub(r"\s+", " ", element.text_content()).strip()


def main_text(response) -> str:
    return visible_text(parse(response).xpath("//main")[0])


def links(element, xpath: str) -> list[tuple[str, str]]:
    return [(visible_text(a), a.get("href")) for a in element.xpath(xpath)]
