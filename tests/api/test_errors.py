"""Invalid parameters are a 422 with a JSON list of problems; unknown things a JSON 404; never
a 500, and never the reader site's HTML error page."""

import pytest

from tests.api.conftest import get, get_json

pytestmark = pytest.mark.django_db

INVALID = [
    ("/api/stories/?limit=0", "limit"),
    ("/api/stories/?limit=101", "limit"),
    ("/api/stories/?limit=ten", "limit"),
    ("/api/stories/?limit=1.0", "limit"),
    ("/api/stories/?limit=%201", "limit"),
    ("/api/stories/?limit=1_0", "limit"),
    ("/api/stories/?limit=", "limit"),
    ("/api/stories/?offset=-1", "offset"),
    ("/api/stories/?offset=99999999999999999999999", "offset"),
    ("/api/sections/?limit=1000", "limit"),
    ("/api/people/?offset=x", "offset"),
    ("/api/tags/?limit=-5", "limit"),
    ("/api/stories/?published_after=2023-08-03T12:00:00", "published_after"),  # naive
    ("/api/stories/?published_after=2023-08-03", "published_after"),  # a date alone
    ("/api/stories/?published_before=1691042400", "published_before"),  # a Unix time
    ("/api/stories/?published_before=yesterday", "published_before"),
    ("/api/stories/?published_after=2023-02-30T12:00:00Z", "published_after"),
    ("/api/stories/?published_after=2023-08-03T25:00:00Z", "published_after"),
    ("/api/stories/?published_after=2023-08-03T12:00:00%2B24:00", "published_after"),
    ("/api/stories/?published_after=2023-08-03T12:00%2B05:30", "published_after"),
    ("/api/stories/?section=" + "x" * 501, "section"),
    ("/api/stories/abc/", "id"),
    ("/api/stories/0/", "id"),
    ("/api/stories/-3/", "id"),
    ("/api/stories/2147483648/", "id"),
    ("/api/stories/99999999999999999999999999/", "id"),
    ("/api/sections/1.5/", "id"),
    ("/api/people/" + "x" * 201 + "/", "slug"),
]


@pytest.mark.parametrize(("url", "parameter"), INVALID)
def test_invalid_parameters_are_a_422_naming_the_parameter(client, url, parameter):
    data = get_json(client, url, status=422)
    assert [issue["loc"][-1] for issue in data["detail"]] == [parameter]
    assert all(issue["msg"] for issue in data["detail"])


@pytest.mark.parametrize(
    "url",
    [
        "/api/stories/2147483647/",
        "/api/sections/2147483647/",
        "/api/people/no-such-person/",
        "/api/people/%00/",
        "/api/people/%C3%A9t%C3%A9/",
        "/api/nothing-here/",
        "/api/stories/1/extra/",
        "/api/docs",
    ],
)
def test_unknown_things_are_a_json_404(client, url):
    assert set(get_json(client, url, status=404)) == {"detail"}


@pytest.mark.parametrize(
    "query",
    [
        "section=%00",
        "tag=%00",
        "author=%00",
        "section=..%2F..",
        "tag=%F0%9F%92%A9",
        "author=a'%20OR%201=1--",
        "section=",
        "section=99999999999999999999",
    ],
)
def test_odd_filter_values_match_nothing_and_break_nothing(client, query):
    data = get_json(client, f"/api/stories/?{query}")
    assert data["count"] == 0 and data["items"] == []


def test_only_get_is_allowed(client):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/stories/", HTTP_HOST="localhost")
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"  # HEAD answers as GET (tests/test_methods.py)
        assert response["Content-Type"] == "application/json"


def test_the_api_index_lists_the_endpoints(client):
    data = get_json(client, "/api/")
    assert data["stories"].endswith("/api/stories/")
    assert data["openapi"].endswith("/api/openapi.json")
    assert get(client, "/api/stories").status_code == 301  # APPEND_SLASH, as on the site
