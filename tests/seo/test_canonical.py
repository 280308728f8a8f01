"""Canonical addresses: absolute, from MASTHEAD_BASE_URL only, one per page, none on errors."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from masthead.articles.models import ArticlePage
from tests.conftest import REFERENCE_URL
from tests.factories import ArticlePageFactory, publish, section_named, small_newsroom
from tests.pages import parse
from tests.seo.helpers import canonicals, extract, json_ld, open_graph, site_url
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

PUBLIC_ORIGIN = "https://news.example.org"
IMAGE_URL = "/top-news/54-killed-in-overnight-airstrikes-in-gaza/"
PAGES = [
    "/",
    "/top-news/",
    "/world/asia/",
    "/business/?page=2",
    REFERENCE_URL,
    IMAGE_URL,
    "/tags/pakistan/",
    "/authors/amara-okafor/",
    "/authors/asian-lite-news/",
]


def _newsroom():
    """Each kind of reader page (tests/factories/newsroom.py), and a story with a lead image:
    built once for the module (tests/worlds.py)."""
    newsroom = small_newsroom()
    ArticlePageFactory(
        parent=section_named("top-news"),
        slug="54-killed-in-overnight-airstrikes-in-gaza",
        with_lead_image=True,
        published=True,
    )
    return newsroom


newsroom = module_world(_newsroom)


def absolute_urls(extracted) -> list[str]:
    """The absolute URLs in the page's JSON-LD values and Open Graph properties."""
    values = [value for graph in extracted["opengraph"] for _, value in graph["properties"]]
    values += list(_strings(extracted["json-ld"]))
    return [value for value in values if value.startswith(("http:", "https:"))]


def _strings(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "@context":  # https://schema.org, not one of ours
                yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, str):
        yield data


@override_settings(MASTHEAD_BASE_URL=PUBLIC_ORIGIN)
@pytest.mark.parametrize("url", PAGES)
def test_absolute_urls_come_from_the_base_url_not_the_host_header(client, url):
    response = client.get(url, HTTP_HOST="localhost")
    path, _, query = url.partition("?")
    assert canonicals(response) == [PUBLIC_ORIGIN + path + (f"?{query}" if query else "")]
    found = absolute_urls(extract(response))
    assert found, url
    for link in found:
        assert link.startswith(PUBLIC_ORIGIN + "/"), link
    assert "localhost" not in "".join(parse(response).xpath("//head//@href | //head//@content"))


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/business/", "/business/"),
        ("/business/?page=1", "/business/"),
        ("/business/?page=2", "/business/?page=2"),
        ("/business/?page=2&utm_source=newsletter", "/business/?page=2"),
        (f"{REFERENCE_URL}?utm_campaign=x", REFERENCE_URL),
        ("/tags/pakistan/?page=1", "/tags/pakistan/"),
    ],
)
def test_listings_are_canonical_at_their_own_page(client, url, canonical):
    assert canonicals(client.get(url)) == [site_url(canonical)]


def test_the_search_page_is_canonical_at_its_query(client):
    try:
        search = reverse("search")
    except NoReverseMatch:
        pytest.skip("no reader search in this build")
    response = client.get(f"{search}?q=pact&page=1&utm_source=x", HTTP_HOST="localhost")
    assert canonicals(response) == [site_url(f"{search}?q=pact")]


@pytest.mark.parametrize("url", ["/no-such-page/", "/tags/no-such-tag/", "/top-news/?page=99"])
def test_the_404_page_has_no_canonical(client, url):
    response = client.get(url)
    assert response.status_code == 404
    head = parse_any(response).xpath("//head")[0]
    assert head.xpath("link[@rel='canonical']") == []
    assert head.xpath("meta[starts-with(@property, 'og:')]") == []
    assert head.xpath("script") == []


def test_a_pulled_story_has_no_canonical(client):
    story = publish(ArticlePageFactory(parent=section_named("world")))
    url = story.url
    story.unpublish()
    response = client.get(url)
    assert response.status_code == 410
    head = parse_any(response).xpath("//head")[0]
    assert head.xpath("link[@rel='canonical'] | meta[starts-with(@property, 'og:')]") == []


def test_an_editor_set_canonical_is_honoured(client):
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    original = "https://asianlitenews.example/pakistan-security-pact-with-us/"
    story.canonical_url = original
    publish(story)
    response = client.get(REFERENCE_URL)
    assert canonicals(response) == [original]
    assert json_ld(response, "NewsArticle")["mainEntityOfPage"] == original
    # Shares of this page still show this page.
    assert open_graph(response)["og:url"] == [site_url(REFERENCE_URL)]


@pytest.mark.parametrize(
    "value",
    [
        "/top-news/relative/",
        "asianlitenews.example/story",
        "ftp://asianlitenews.example/story",
        "javascript:alert(1)",
        "https://",
    ],
)
def test_the_canonical_url_must_be_absolute_http(value):
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    story.canonical_url = value
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert list(error.value.message_dict) == ["canonical_url"]


@pytest.mark.parametrize("value", ["https://example.org/a/story?id=3", "http://example.org/story"])
def test_an_absolute_http_canonical_url_is_accepted(value):
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    story.canonical_url = value
    story.full_clean()


def parse_any(response):
    from lxml import html

    return html.fromstring(response.content.decode())
