"""Reader pages and the API only read: other methods get a 405 with an Allow header (JSON on the
API, as every API error is); HEAD on the API answers as GET does, without the body."""

import pytest

from tests.factories import CorrectionFactory, small_newsroom
from tests.worlds import module_world

pytestmark = pytest.mark.django_db


def _reader_pages() -> list[str]:
    """Each kind of reader page, built once for the module (tests/worlds.py)."""
    story = small_newsroom().story
    CorrectionFactory(page=story)
    return ["/", "/business/", story.url, "/tags/pakistan/", "/authors/amara-okafor/"] + [
        "/corrections/"
    ]


reader_pages = module_world(_reader_pages)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_reader_pages_refuse_methods_that_write(client, method, reader_pages):
    for url in reader_pages:
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url)
        assert "GET" in response["Allow"] and "HEAD" in response["Allow"], url
        assert b"<main" not in response.content, url


def test_head_on_the_api_is_get_without_the_body(client):
    get = client.get("/api/stories/")
    head = client.head("/api/stories/")
    assert head.status_code == 200
    assert head["Content-Type"] == "application/json; charset=utf-8"
    assert head.content == b""
    assert head["Content-Length"] == str(len(get.content))
    assert head["ETag"] == get["ETag"]
    assert client.head("/api/").status_code == 200
    assert client.head("/api/stories/999999999/").status_code == 404


@pytest.mark.parametrize("url", ["/api/stories/", "/api/people/", "/api/"])
def test_the_api_refuses_writes_in_json(client, url):
    response = client.post(url, {"headline": "x"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert "use GET or HEAD" in response.json()["detail"]
