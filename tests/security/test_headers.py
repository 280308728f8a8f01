"""The security headers and the redirect to https on every answer of the real WSGI application
(security layer, page cache, Django), page-cache hits and 304s included."""

import pytest

from masthead.security.wsgi import SecureResponses
from masthead.settings.security import https_settings
from tests.factories import ArticlePageFactory, section_named
from tests.pagecache.wsgi_client import WSGIClient

pytestmark = pytest.mark.django_db

REFERENCE_URL = "/top-news/a-story/"


@pytest.fixture(autouse=True)
def story(db):
    """A published story."""
    story = ArticlePageFactory(parent=section_named("top-news"), slug="a-story", published=True)
    assert story.url == REFERENCE_URL
    return story


HTTPS = {"x_forwarded_proto": "https"}


@pytest.fixture
def https_site(settings):
    for name, value in https_settings("https://news.example.org", True, 31536000, False).items():
        setattr(settings, name, value)
    settings.MASTHEAD_BASE_URL = "https://news.example.org"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "news.example.org"]


def client() -> WSGIClient:
    wsgi = WSGIClient()
    wsgi.application = SecureResponses(wsgi.application)
    return wsgi


def policy(reply) -> dict[str, str]:
    csp = reply.headers["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in csp.split(";")) if part}


def test_plain_http_site_answers_as_before_with_the_policies_on_hits_and_304s():
    wsgi = client()
    miss, hit = wsgi.get(REFERENCE_URL), wsgi.get(REFERENCE_URL)
    not_modified = wsgi.get(REFERENCE_URL, if_none_match=hit.headers["ETag"])
    assert (miss.cache, hit.cache, not_modified.status) == ("miss", "hit", 304)
    for reply in (miss, hit, not_modified):
        assert policy(reply)["script-src"] == "script-src 'self'"
        assert policy(reply)["style-src"] == "style-src 'self'"
        assert policy(reply)["frame-ancestors"] == "frame-ancestors 'none'"
        assert "camera=()" in reply.headers["Permissions-Policy"]
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in reply.headers
        assert "upgrade-insecure-requests" not in reply.headers["Content-Security-Policy"]


def test_behind_the_tls_proxy_plain_http_is_redirected_even_when_the_page_is_cached(https_site):
    wsgi = client()
    assert wsgi.get(REFERENCE_URL, **HTTPS).cache == "miss"
    assert wsgi.get(REFERENCE_URL, **HTTPS).cache == "hit"
    for forwarded in ({"x_forwarded_proto": "http"}, {}):
        moved = wsgi.get(REFERENCE_URL + "?page=2", **forwarded)
        assert moved.status == 301
        assert moved.headers["Location"] == f"https://news.example.org{REFERENCE_URL}?page=2"
        assert moved.body == b""


def test_behind_the_tls_proxy_hits_and_304s_carry_hsts_and_the_policies(https_site):
    wsgi = client()
    miss, hit = wsgi.get(REFERENCE_URL, **HTTPS), wsgi.get(REFERENCE_URL, **HTTPS)
    not_modified = wsgi.get(REFERENCE_URL, if_none_match=hit.headers["ETag"], **HTTPS)
    assert (miss.cache, hit.cache, not_modified.status) == ("miss", "hit", 304)
    for reply in (miss, hit, not_modified):
        hsts = reply.headers["Strict-Transport-Security"]
        assert hsts == "max-age=31536000; includeSubDomains"
        assert "upgrade-insecure-requests" in reply.headers["Content-Security-Policy"]
        assert "Permissions-Policy" in reply.headers


def test_one_cached_page_gets_hsts_on_secure_hits_only(https_site, settings):
    settings.SECURE_SSL_REDIRECT = False  # plain http answered, not redirected
    wsgi = client()
    assert wsgi.get(REFERENCE_URL).cache == "miss"
    for forwarded in (HTTPS, {}, HTTPS, {}):
        hit = wsgi.get(REFERENCE_URL, **forwarded)
        assert hit.cache == "hit"
        assert ("Strict-Transport-Security" in hit.headers) == (forwarded == HTTPS)


def test_a_page_cached_before_the_settings_changed_gets_the_new_policy(settings):
    wsgi = client()
    wsgi.get(REFERENCE_URL)
    assert (
        "https://embeds.example.net"
        not in wsgi.get(REFERENCE_URL).headers["Content-Security-Policy"]
    )
    settings.MASTHEAD_CSP_FRAME_SRC = ["https://embeds.example.net"]
    hit = client().get(REFERENCE_URL)  # the same cached page, through a layer built anew
    assert hit.cache == "hit"
    assert "https://embeds.example.net" in policy(hit)["frame-src"]


def test_a_server_that_changes_the_headers_it_is_given_changes_no_other_answer():
    wsgi = client()
    wsgi.get(REFERENCE_URL)
    inner, changed = wsgi.application, []

    def changing(environ, start_response):
        def start(status, headers, exc_info=None):
            start_response(status, headers, exc_info)
            headers.append(("Date", "Mon, 07 Dec 2026 12:00:00 GMT"))  # as wsgiref may
            changed.append(headers)

        return inner(environ, start)

    wsgi.application = changing
    first, second = wsgi.get(REFERENCE_URL), wsgi.get(REFERENCE_URL)
    assert (first.cache, second.cache) == ("hit", "hit")
    assert "Date" not in first.headers and "Date" not in second.headers


def test_the_editor_gets_its_own_policy(https_site):
    login = client().get("/admin/login/", **HTTPS)
    assert login.status == 200
    assert policy(login)["style-src"] == "style-src 'self' 'unsafe-inline'"
    assert policy(login)["script-src"] == "script-src 'self' 'unsafe-inline'"
    assert policy(login)["frame-ancestors"] == "frame-ancestors 'self'"
    assert "Strict-Transport-Security" in login.headers


def test_images_from_object_storage_are_allowed_on_reader_pages(settings):
    settings.MEDIA_URL = "https://media.example.net/newsroom/"
    reply = client().get("/")
    assert policy(reply)["img-src"] == "img-src 'self' https://media.example.net"


def test_renditions_from_the_object_storage_bucket_are_allowed_on_reader_pages(settings):
    renditions = {"bucket_name": "news", "custom_domain": "cdn.example.org", "location": "public"}
    settings.STORAGES = {
        **settings.STORAGES,
        "renditions": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": renditions},
    }
    reply = client().get("/")
    assert policy(reply)["img-src"] == "img-src 'self' https://cdn.example.org"


def test_login_behind_the_tls_proxy_passes_the_origin_check_and_sets_secure_cookies(https_site):
    """Before: 403 "Origin checking failed" (no trusted origin, the proxy's word ignored)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    get_user_model().objects.create_superuser("tls-editor", "e@example.org", "a-Long-pass-99")
    browser = Client(enforce_csrf_checks=True, HTTP_X_FORWARDED_PROTO="https")
    browser.get("/admin/login/", HTTP_HOST="news.example.org")
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        "/admin/login/",
        {"username": "tls-editor", "password": "a-Long-pass-99", "csrfmiddlewaretoken": token},
        HTTP_HOST="news.example.org",
        HTTP_ORIGIN="https://news.example.org",
        HTTP_REFERER="https://news.example.org/admin/login/",
    )
    assert response.status_code == 302, response.content[:300]
    assert response.cookies["sessionid"]["secure"] is True
    assert response.cookies["csrftoken"]["secure"] is True
