"""Reading a page's structured data the way search engines and social networks do."""

import extruct
from django.conf import settings

from tests.pages import parse


def extract(response) -> dict:
    """JSON-LD and Open Graph by extruct in strict mode: a malformed block fails the test
    instead of vanishing."""
    assert response.status_code == 200, response.status_code
    return extruct.extract(
        response.content.decode(),
        base_url=settings.MASTHEAD_BASE_URL,
        syntaxes=["json-ld", "opengraph"],
        errors="strict",
    )


def json_ld_items(response, item_type: str) -> list[dict]:
    return [item for item in extract(response)["json-ld"] if item.get("@type") == item_type]


def json_ld(response, item_type: str) -> dict:
    """The page's one JSON-LD item of `item_type`."""
    items = json_ld_items(response, item_type)
    assert len(items) == 1, f"{len(items)} {item_type} items"
    return items[0]


def open_graph(response) -> dict[str, list[str]]:
    """Open Graph properties (og:*, article:*, profile:*), each with its values in order."""
    (graph,) = extract(response)["opengraph"]
    properties: dict[str, list[str]] = {}
    for name, value in graph["properties"]:
        properties.setdefault(name, []).append(value)
    return properties


def twitter(response) -> dict[str, str]:
    tags = parse(response).xpath("//head/meta[starts-with(@name, 'twitter:')]")
    names = [tag.get("name") for tag in tags]
    assert len(names) == len(set(names)), names
    return {tag.get("name"): tag.get("content") for tag in tags}


def canonicals(response) -> list[str]:
    return parse(response).xpath("//link[@rel='canonical']/@href")


def meta_descriptions(response) -> list[str]:
    return parse(response).xpath("//head/meta[@name='description']/@content")


def site_url(path: str = "/") -> str:
    return settings.MASTHEAD_BASE_URL + path
