"""HTTP behaviour: ETag and 304, a short public Cache-Control, no cookies, absolute URLs from
MASTHEAD_BASE_URL whatever the Host header, and the OpenAPI document."""

import json

import pytest
from django.conf import settings

from masthead.articles.models import ArticlePage
from tests.api.conftest import get, get_json
from tests.factories import administrator, small_newsroom
from tests.worlds import module_world


def _newsroom():
    """Stories in sections, tags, people: something behind every endpoint (built once for the
    module, tests/worlds.py)."""
    return small_newsroom()


newsroom = module_world(_newsroom)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]


ENDPOINTS = [
    "/api/stories/",
    "/api/stories/?section=top-news&limit=5",
    "/api/sections/",
    "/api/people/",
    "/api/people/tom-becker/",
    "/api/tags/",
    "/api/openapi.json",
    "/api/",
]


def first_story_url(client) -> str:
    return f"/api/stories/{get_json(client, '/api/stories/?limit=1')['items'][0]['id']}/"


@pytest.mark.parametrize("url", ENDPOINTS)
def test_etag_and_304(client, url):
    response = get(client, url)
    assert response.status_code == 200
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert response["Cache-Control"] in {"public, max-age=60", "max-age=60, public"}
    again = get(client, url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and "max-age=60" in again["Cache-Control"]
    other = get(client, url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other.content == response.content


def test_the_etag_changes_with_the_content(client):
    url = first_story_url(client)
    before = get(client, url)["ETag"]
    story_id = int(url.rstrip("/").rsplit("/", 1)[1])
    page = ArticlePage.objects.get(pk=story_id)
    page.title = "A corrected headline"
    page.save_revision().publish()
    after = get(client, url, HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


@pytest.mark.parametrize("logged_in", [False, True])
def test_no_cookies_and_no_vary_cookie(client, logged_in):
    if logged_in:
        client.force_login(administrator())
    for url in [*ENDPOINTS, first_story_url(client), "/api/stories/?limit=0", "/api/nope/"]:
        response = get(client, url)
        assert not response.cookies, (url, response.cookies)
        assert "Set-Cookie" not in response.headers, url
        assert "cookie" not in response.get("Vary", "").lower(), (url, response.get("Vary"))


def test_urls_come_from_the_base_url_not_the_host_header(client):
    base = settings.MASTHEAD_BASE_URL
    assert "localhost" not in base
    for url in [*ENDPOINTS, first_story_url(client)]:
        text = get(client, url).content.decode()
        assert "localhost" not in text, url
        assert "testserver" not in get(client, url).content.decode()
    story = get_json(client, first_story_url(client))
    assert story["url"].startswith(base + "/")
    data = get_json(client, "/api/stories/?limit=1")
    assert data["next"].startswith(base + "/api/stories/?")


def test_openapi_document_servers_and_responses(client):
    document = get_json(client, "/api/openapi.json")
    assert document["servers"] == [{"url": "/"}]
    assert set(document["paths"]) == {
        "/api/stories/",
        "/api/stories/{id}/",
        "/api/sections/",
        "/api/sections/{id}/",
        "/api/people/",
        "/api/people/{slug}/",
        "/api/tags/",
    }
    for path, operations in document["paths"].items():
        assert set(operations) == {"get"}, path
        responses = operations["get"]["responses"]
        assert {"200", "304", "404", "422"} <= set(responses), path
        for status in ("200", "404", "422"):
            assert "schema" in responses[status]["content"]["application/json"], (path, status)
        assert set(responses["200"]["headers"]) == {"ETag", "Cache-Control"}
    text = json.dumps(document)
    assert "cdn" not in text.lower() and "swagger" not in text.lower()
