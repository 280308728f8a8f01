"""Error pages in the site's design."""

import pytest

from masthead.articles.models import ArticlePage
from tests.factories import small_newsroom
from tests.pages import visible_text
from tests.worlds import module_world

newsroom = module_world(small_newsroom)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]


def test_the_404_page_is_in_the_sites_design(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = parse_any(response)
    assert visible_text(page.xpath("//h1")[0]) == "Page not found"
    assert page.xpath("//nav[@aria-label='Sections']//a")  # the site's navigation
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]


def test_a_server_error_shows_the_500_page(client, monkeypatch, newsroom):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(ArticlePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get(newsroom.story_url)
    assert response.status_code == 500
    page = parse_any(response)
    assert visible_text(page.xpath("//h1")[0]) == "Something went wrong"
    assert "simulated failure" not in response.content.decode()


def parse_any(response):
    from lxml import html

    return html.fromstring(response.content.decode())


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=-1", "?page=999999", "?page=", "?page=1e3", "?page=%ff"]
)
def test_bad_page_numbers_never_give_a_500(client, query):
    for path in ("/business/", "/tags/pakistan/", "/authors/tom-becker/"):
        assert client.get(path + query).status_code == 404, path + query
        assert client.get(path + "?page=1").status_code == 200
