"""The demo's reference story in NewsArticle JSON-LD, field by field (tests/seo checks the
structured data on stories the tests make)."""

import pytest

from masthead.articles.models import ArticlePage
from tests.conftest import REFERENCE_URL
from tests.seo.helpers import json_ld, site_url
from tests.seo.test_news_article import PUBLISHER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_newsroom")]


def test_reference_story_field_by_field(client):
    article = json_ld(client.get(REFERENCE_URL), "NewsArticle")
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Pakistan Quietly Greenlights Security Pact with US"
    assert article["description"] == story.standfirst
    assert article["description"].startswith("Pakistan and the US are yet to make official")
    # 12:00 in the newsroom's zone; the test settings' zone is Asia/Kolkata.
    assert article["datePublished"] == "2023-08-03T12:00:00+05:30"
    assert article["dateModified"] == "2023-08-03T12:00:00+05:30"  # never edited since
    # No bylines: the credited organisation is the author.
    assert article["author"] == [
        {
            "@type": "Organization",
            "name": "Asian Lite News",
            "url": site_url("/authors/asian-lite-news/"),
        }
    ]
    # The demo's policy pages (masthead.demo.own_pages), by their roles.
    assert article["publisher"] == {
        **PUBLISHER,
        "publishingPrinciples": site_url("/ethics-policy/"),
        "ethicsPolicy": site_url("/ethics-policy/"),
        "correctionsPolicy": site_url("/corrections-policy/"),
        "masthead": site_url("/about/"),
    }
    assert article["mainEntityOfPage"] == site_url(REFERENCE_URL)
    assert article["articleSection"] == "Top News"
    assert article["keywords"] == ["Pakistan", "Security", "United States"]
    assert article["inLanguage"] == "en-GB"
    assert article["wordCount"] == 422
    assert "image" not in article  # no lead image
