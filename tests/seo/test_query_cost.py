"""The structured data is built from what the page context fetched already: no query per item."""

import pytest
from taggit.models import Tag

from masthead.articles.models import ArticleByline, ArticlePage, ArticleTag
from tests.factories import PersonFactory
from tests.seo.helpers import json_ld, open_graph
from tests.test_query_counts import build_newsroom, queries_to_render

pytestmark = pytest.mark.django_db


def test_the_counted_story_page_carries_the_structured_data(client, home):
    """tests/test_query_counts.py counts this page: its count includes the structured data."""
    url = build_newsroom(home, 10)["article"]
    article = json_ld(client.get(url), "NewsArticle")
    assert [author["name"] for author in article["author"]] == ["Prolific Writer"]
    assert article["keywords"] == ["Busy tag"]
    assert len(article["image"]) == 3


def test_more_bylines_and_tags_cost_no_more_queries(client, home):
    url = build_newsroom(home, 10)["article"]
    before = len(queries_to_render(client, url))
    story = ArticlePage.objects.get(url_path__endswith=url)
    for position in range(1, 6):
        person = PersonFactory()
        ArticleByline.objects.create(page=story, person=person, sort_order=position)
        tag = Tag.objects.create(name=f"Extra tag {position}", slug=f"extra-tag-{position}")
        ArticleTag.objects.create(content_object=story, tag=tag)
    response = client.get(url)
    assert len(json_ld(response, "NewsArticle")["author"]) == 6
    assert len(open_graph(response)["article:tag"]) == 6
    assert len(queries_to_render(client, url)) == before
