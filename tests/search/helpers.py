"""Reading the search page in tests."""

from lxml import html as lxml_html

from tests.pages import parse, visible_text

SEARCH_URL = "/search/"


def search(client, query=None, **params):
    """The response to `/search/?q=query` (with any other parameters)."""
    if query is not None:
        params["q"] = query
    return client.get(SEARCH_URL, params)


def result_headlines(response) -> list[str]:
    results = parse(response).xpath("//ol[contains(@class, 'search-results')]/li//h2")
    return [visible_text(h) for h in results]


def document(response):
    """The parsed page, whatever its status (a 404 page is a page too)."""
    return lxml_html.fromstring(response.content.decode())
