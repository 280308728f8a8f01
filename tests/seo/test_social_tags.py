"""Open Graph and Twitter card tags on every page type, and one meta description per page."""

from datetime import datetime

import pytest
from wagtail.images.models import Image

from masthead.articles.models import ArticlePage
from masthead.core.dates import newsroom_zone
from masthead.people.models import Person
from masthead.reader.listings import SECTION_PAGE_SIZE
from tests.conftest import REFERENCE_URL
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    default_site,
    person_named,
    publish,
    section_named,
    stories_in,
)
from tests.pages import parse
from tests.seo.helpers import (
    canonicals,
    json_ld,
    meta_descriptions,
    open_graph,
    site_url,
    twitter,
)
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

IMAGE_URL = "/top-news/54-killed-in-overnight-airstrikes-in-gaza/"
SITE_NAME = "The Masthead Gazette"
IMAGE_ALT = "An abstract illustration of circles and squares"


def _newsroom():
    """The site named SITE_NAME; in Top News the reference story (credited to Asian Lite News,
    no byline, no image) and a story with a 1600x900 lead image; Business two pages long, by
    Amara Okafor. Built once for the module (tests/worlds.py)."""
    site = default_site()
    site.site_name = SITE_NAME
    site.save()
    top_news = section_named("top-news")
    ArticlePageFactory(
        parent=top_news,
        title="Pakistan Quietly Greenlights Security Pact with US",
        slug="pakistan-quietly-greenlights-security-pact-with-us",
        published_at=datetime(2023, 8, 3, 12, tzinfo=newsroom_zone()),
        credit_organisation=person_named("asian-lite-news", "Asian Lite News", True),
        tags=["Pakistan", "Security", "United States"],
        published=True,
    )
    ArticlePageFactory(
        parent=top_news,
        title="54 killed in overnight airstrikes in Gaza",
        slug="54-killed-in-overnight-airstrikes-in-gaza",
        lead_image=ImageFactory(file__width=1600, file__height=900),
        lead_image_alt=IMAGE_ALT,
        published=True,
    )
    amara = person_named("amara-okafor", "Amara Okafor")
    stories_in(section_named("business"), SECTION_PAGE_SIZE + 1, bylines=[amara])


newsroom = module_world(_newsroom)


# (url, og:type, og:title, twitter:card)
PAGE_TYPES = [
    ("/", "website", SITE_NAME, "summary"),
    ("/top-news/", "website", "Top News", "summary"),
    ("/business/?page=2", "website", "Business (page 2)", "summary"),
    (REFERENCE_URL, "article", "Pakistan Quietly Greenlights Security Pact with US", "summary"),
    (IMAGE_URL, "article", "54 killed in overnight airstrikes in Gaza", "summary_large_image"),
    ("/tags/pakistan/", "website", "Pakistan", "summary"),
    ("/authors/amara-okafor/", "profile", "Amara Okafor", "summary"),
    ("/authors/asian-lite-news/", "website", "Asian Lite News", "summary"),
]


@pytest.mark.parametrize(("url", "og_type", "title", "card"), PAGE_TYPES)
def test_every_page_type_has_open_graph_and_twitter_tags(client, url, og_type, title, card):
    response = client.get(url)
    graph, cards = open_graph(response), twitter(response)
    [description] = meta_descriptions(response)  # one meta description, from the page template
    assert graph["og:type"] == [og_type]
    assert graph["og:title"] == [title]
    assert graph["og:description"] == [description]
    assert graph["og:url"] == canonicals(response)
    assert graph["og:site_name"] == [SITE_NAME]
    assert graph["og:locale"] == ["en_GB"]
    assert cards["twitter:card"] == card
    assert cards["twitter:title"] == title
    assert cards["twitter:description"] == description


def test_story_tags_carry_dates_section_and_topics(client):
    graph = open_graph(client.get(REFERENCE_URL))
    assert graph["article:published_time"] == ["2023-08-03T12:00:00+05:30"]
    assert graph["article:modified_time"] == ["2023-08-03T12:00:00+05:30"]
    assert graph["article:section"] == ["Top News"]
    assert graph["article:tag"] == ["Pakistan", "Security", "United States"]
    assert graph["article:author"] == [site_url("/authors/asian-lite-news/")]
    assert "og:image" not in graph


def test_the_story_meta_description_is_the_standfirst(client):
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    assert meta_descriptions(client.get(REFERENCE_URL)) == [story.standfirst]


def test_a_lead_image_is_the_large_card_image(client):
    response = client.get(IMAGE_URL)
    graph, cards = open_graph(response), twitter(response)
    [image] = graph["og:image"]
    assert image.startswith(site_url("/media/images/")) and ".fill-1200x675" in image
    assert graph["og:image:width"] == ["1200"]
    assert graph["og:image:alt"] == [IMAGE_ALT]
    assert cards["twitter:image"] == image
    assert cards["twitter:image:alt"] == IMAGE_ALT


def test_the_social_headline_is_what_social_media_show(client):
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    story.social_headline = "Pakistan says yes to a US security pact, quietly"
    story.seo_title = "Pakistan greenlights US security pact"
    publish(story)
    response = client.get(REFERENCE_URL)
    assert open_graph(response)["og:title"] == ["Pakistan says yes to a US security pact, quietly"]
    assert twitter(response)["twitter:title"] == "Pakistan says yes to a US security pact, quietly"
    # The SEO headline is the HTML title; the headline stays the structured data's headline.
    assert parse(response).findtext(".//title").startswith("Pakistan greenlights US security pact")
    assert json_ld(response, "NewsArticle")["headline"] == story.title


def test_an_author_photo_is_the_profile_image(client):
    person = Person.objects.get(slug="amara-okafor")
    person.photo = Image.objects.first()
    person.save()
    graph = open_graph(client.get("/authors/amara-okafor/"))
    [image] = graph["og:image"]
    assert image.startswith(site_url("/media/images/"))
    assert (graph["og:image:width"], graph["og:image:height"]) == (["400"], ["400"])
    assert graph["og:image:alt"] == ["Photo of Amara Okafor"]


def test_no_page_repeats_a_tag(client):
    for url, *_ in PAGE_TYPES:
        head = parse(client.get(url)).xpath("//head")[0]
        single = [
            *head.xpath("meta[@name='description']"),
            *head.xpath("link[@rel='canonical']"),
            *head.xpath("meta[@property='og:title' or @property='og:url' or @property='og:type']"),
        ]
        names = [tag.get("name") or tag.get("rel") or tag.get("property") for tag in single]
        assert len(names) == len(set(names)), (url, names)
