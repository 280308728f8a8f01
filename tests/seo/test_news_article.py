"""NewsArticle and BreadcrumbList JSON-LD on stories, read back by extruct in strict mode."""

import io
from datetime import datetime

import pytest
from PIL import Image as PILImage
from wagtail.images.models import Image

from masthead.articles.models import ArticleByline
from masthead.core.dates import newsroom_zone
from masthead.core.models import SiteSettings
from masthead.people.models import Person
from masthead.sections.models import SectionPage
from tests.conftest import REFERENCE_URL
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    PersonFactory,
    default_site,
    person_named,
    section_named,
)
from tests.pages import parse
from tests.seo.helpers import json_ld, json_ld_items, open_graph, site_url
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

BYLINE_URL = "/top-news/bnp-seeks-non-interference-with-india/"
IMAGE_URL = "/top-news/54-killed-in-overnight-airstrikes-in-gaza/"
NESTED_URL = "/world/asia/chinas-gift-to-pak-a-gambit-in-indian-ocean/"
PUBLISHER = {
    "@type": "NewsMediaOrganization",
    "name": "The Masthead Gazette",
    "url": site_url("/"),
    # No logo is set in the site settings: the favicon stands in (see the docs).
    "logo": {"@type": "ImageObject", "url": site_url("/static/masthead/img/favicon.svg")},
}


def _newsroom():
    """The site named The Masthead Gazette. In Top News: the reference story (credited to Asian
    Lite News, no byline), a story by Amara Okafor and one by the agency Regional Newswire with a
    1600x900 lead image; in World > Asia a story; an empty Business."""
    site = default_site()
    site.site_name = "The Masthead Gazette"
    site.save()
    top_news = section_named("top-news")
    ArticlePageFactory(
        parent=top_news,
        title="Pakistan Quietly Greenlights Security Pact with US",
        slug="pakistan-quietly-greenlights-security-pact-with-us",
        credit_organisation=person_named("asian-lite-news", "Asian Lite News", True),
        tags=["Pakistan", "Security", "United States"],
        published=True,
    )
    ArticlePageFactory(
        parent=top_news,
        slug="bnp-seeks-non-interference-with-india",
        published_at=datetime(2025, 5, 21, 10, tzinfo=newsroom_zone()),
        bylines=[person_named("amara-okafor", "Amara Okafor")],
        tags=["Bangladesh", "India"],
        published=True,
    )
    ArticlePageFactory(
        parent=top_news,
        slug="54-killed-in-overnight-airstrikes-in-gaza",
        lead_image=ImageFactory(file__width=1600, file__height=900),
        bylines=[person_named("newswire", "Regional Newswire", organisation=True)],
        published=True,
    )
    ArticlePageFactory(
        parent=section_named("asia", parent=section_named("world")),
        title="China’s gift to Pak a gambit in Indian Ocean",
        slug="chinas-gift-to-pak-a-gambit-in-indian-ocean",
        published=True,
    )
    section_named("business")


newsroom = module_world(_newsroom)


def test_the_author_urls_reach_the_author_pages(client):
    for url in (REFERENCE_URL, BYLINE_URL):
        for author in json_ld(client.get(url), "NewsArticle")["author"]:
            path = author["url"].removeprefix(site_url(""))
            assert client.get(path).status_code == 200, author


def test_byline_people_are_the_authors(client):
    article = json_ld(client.get(BYLINE_URL), "NewsArticle")
    assert article["author"] == [
        {"@type": "Person", "name": "Amara Okafor", "url": site_url("/authors/amara-okafor/")}
    ]
    assert article["datePublished"] == "2025-05-21T10:00:00+05:30"
    assert article["keywords"] == ["Bangladesh", "India"]


def test_an_agency_in_the_byline_is_an_organization(client):
    article = json_ld(client.get(IMAGE_URL), "NewsArticle")
    assert article["author"] == [
        {
            "@type": "Organization",
            "name": "Regional Newswire",
            "url": site_url("/authors/newswire/"),
        }
    ]


def test_every_writer_in_order_and_other_roles_under_their_own_property(client, home):
    section = SectionPage.objects.get(slug="business")
    first, second, photographer = (
        PersonFactory(name="First Writer", slug="first-writer", website="https://first.example"),
        PersonFactory(name="Second Writer", slug="second-writer"),
        PersonFactory(name="Camera Person", slug="camera-person"),
    )
    story = ArticlePageFactory(
        parent=section, credit_organisation=Person.objects.get(slug="newswire")
    )
    for position, (person, role) in enumerate(
        [(first, "author"), (photographer, "photographer"), (second, "additional")]
    ):
        ArticleByline.objects.create(page=story, person=person, role=role, sort_order=position)
    article = json_ld(client.get(story.url), "NewsArticle")
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "First Writer",
            "url": site_url("/authors/first-writer/"),
            "sameAs": "https://first.example",
        },
        {"@type": "Person", "name": "Second Writer", "url": site_url("/authors/second-writer/")},
    ]
    assert article["contributor"] == [
        {"@type": "Person", "name": "Camera Person", "url": site_url("/authors/camera-person/")}
    ]
    assert open_graph(client.get(story.url))["article:author"] == [
        site_url("/authors/first-writer/"),
        site_url("/authors/second-writer/"),
    ]


def test_a_story_crediting_nobody_is_authored_by_the_publication(client):
    section = SectionPage.objects.get(slug="business")
    story = ArticlePageFactory(parent=section)
    article = json_ld(client.get(story.url), "NewsArticle")
    assert article["author"] == [
        {"@type": "NewsMediaOrganization", "name": "The Masthead Gazette", "url": site_url("/")}
    ]
    assert "article:author" not in open_graph(client.get(story.url))


def test_lead_image_renditions_are_absolute_and_large(client):
    response = client.get(IMAGE_URL)
    article = json_ld(response, "NewsArticle")
    assert len(article["image"]) == 3  # 16:9, 4:3 and 1:1, as Google asks
    sizes = []
    for url in article["image"]:
        assert url.startswith(site_url("/media/images/")), url
        image = client.get(url.removeprefix(site_url("")))
        assert image.status_code == 200, url
        picture = PILImage.open(io.BytesIO(b"".join(image.streaming_content)))
        assert picture.format == "JPEG"
        sizes.append(picture.size)
    assert sizes[0][0] == 1200 and round(sizes[0][0] / sizes[0][1], 2) == 1.78
    assert all(width * height >= 50_000 for width, height in sizes)
    graph = open_graph(response)
    assert graph["og:image"] == [article["image"][0]]
    assert graph["og:image:width"] == [str(sizes[0][0])]
    assert graph["og:image:height"] == [str(sizes[0][1])]


def test_a_site_logo_becomes_a_png_publisher_logo(client, site):
    settings = SiteSettings.for_site(site)
    settings.logo = Image.objects.first()  # a 1600x900 JPEG
    settings.save()
    logos = [
        json_ld(client.get(REFERENCE_URL), "NewsArticle")["publisher"]["logo"],
        json_ld(client.get("/"), "NewsMediaOrganization")["logo"],
    ]
    assert logos[0] == logos[1]
    logo = logos[0]
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith(site_url("/media/images/"))
    assert logo["width"] <= 600 and logo["height"] == 60  # fits Google's 600x60 box
    picture = client.get(logo["url"].removeprefix(site_url("")))
    assert PILImage.open(io.BytesIO(b"".join(picture.streaming_content))).format == "PNG"


def test_story_breadcrumbs_run_from_the_front_page_through_its_sections(client):
    crumbs = json_ld(client.get(NESTED_URL), "BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "The Masthead Gazette", site_url("/")),
        (2, "World", site_url("/world/")),
        (3, "Asia", site_url("/world/asia/")),
        (4, "China’s gift to Pak a gambit in Indian Ocean", site_url(NESTED_URL)),
    ]
    assert all(c["@type"] == "ListItem" for c in crumbs)
    article = json_ld(client.get(NESTED_URL), "NewsArticle")
    assert article["articleSection"] == "Asia"


def test_reference_story_breadcrumbs(client):
    crumbs = json_ld(client.get(REFERENCE_URL), "BreadcrumbList")["itemListElement"]
    assert [c["item"] for c in crumbs] == [
        site_url("/"),
        site_url("/top-news/"),
        site_url(REFERENCE_URL),
    ]


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/top-news/", ["The Masthead Gazette", "Top News"]),
        ("/world/asia/", ["The Masthead Gazette", "World", "Asia"]),
    ],
)
def test_section_pages_have_breadcrumbs(client, url, names):
    crumbs = json_ld(client.get(url), "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == names
    assert crumbs[-1]["item"] == site_url(url)


def test_the_front_page_describes_the_site_and_its_search(client):
    response = client.get("/")
    site = json_ld(response, "WebSite")
    assert site == {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "The Masthead Gazette",
        "url": site_url("/"),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": site_url("/search/?q={search_term_string}"),
            },
            "query-input": "required name=search_term_string",
        },
    }
    assert json_ld(response, "NewsMediaOrganization") == {
        "@context": "https://schema.org",
        **PUBLISHER,
    }
    search = site["potentialAction"]["target"]["urlTemplate"].replace(
        "{search_term_string}", "pact"
    )
    assert client.get(search.removeprefix(site_url(""))).status_code == 200


def test_only_the_front_page_describes_the_website(client):
    for url in (REFERENCE_URL, "/top-news/", "/tags/pakistan/", "/authors/amara-okafor/"):
        assert json_ld_items(client.get(url), "WebSite") == [], url


def test_a_headline_cannot_break_out_of_the_script(client):
    hostile = "</script><script>alert(1)</script> & <!-- “quotes” \\ \u2028"
    section = SectionPage.objects.get(slug="business")
    story = ArticlePageFactory(parent=section, title=hostile, standfirst=f"Dek {hostile}")
    response = client.get(story.url)
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    page = parse(response)
    assert [s.get("type") for s in page.xpath("//script")] == ["application/ld+json"]
    article = json_ld(response, "NewsArticle")
    assert article["headline"] == hostile
    assert article["description"] == f"Dek {hostile}"
    assert open_graph(response)["og:title"] == [hostile]
