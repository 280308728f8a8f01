"""Corrections, clarifications and updates: on the story, on /corrections/, in the data."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import html

from masthead.articles.models import ArticlePage, Correction
from tests.factories import ArticlePageFactory, publish, section_named
from tests.pages import parse, visible_text
from tests.worlds import module_world

pytestmark = pytest.mark.django_db


def _corrected():
    """A published story with a correction noted after its publication (built once for the
    module, tests/worlds.py)."""
    story = publish(ArticlePageFactory(parent=section_named("world")))
    noted = timezone.now() + timedelta(minutes=1)
    story.corrections.add(
        Correction(
            kind="correction", text="An earlier version gave the wrong year.", noted_at=noted
        )
    )
    story.minor_edit = True  # a note makes any publication substantive
    publish(story)
    return story


corrected_story = module_world(_corrected)


@pytest.fixture
def corrected(corrected_story):
    """The module's corrected story as the database holds it (a test that unpublishes it is
    undone after it)."""
    return ArticlePage.objects.get(pk=corrected_story.pk)


def test_the_story_shows_its_notes_and_an_updated_line(client, corrected):
    page = parse(client.get(corrected.url))
    updated = page.xpath("//p[@class='story__updated']")
    assert updated and visible_text(updated[0]).startswith("Updated ")
    notes = visible_text(page.xpath("//section[@class='corrections']")[0])
    assert "Correction" in notes and "An earlier version gave the wrong year." in notes


def test_a_note_moves_the_modified_date(corrected):
    corrected.refresh_from_db()
    assert corrected.modified_at > corrected.public_date


def test_the_corrections_page_lists_notes_on_public_stories(client, corrected):
    text = visible_text(parse(client.get("/corrections/")))
    assert corrected.title in text
    assert "An earlier version gave the wrong year." in text
    corrected.unpublish()
    assert corrected.title not in visible_text(parse(client.get("/corrections/")))


def test_the_structured_data_carries_the_correction(client, corrected):
    page = html.fromstring(client.get(corrected.url).content)
    blocks = [json.loads(s.text) for s in page.xpath("//script[@type='application/ld+json']")]
    items = [item for block in blocks for item in (block if isinstance(block, list) else [block])]
    article = next(item for item in items if item.get("@type") == "NewsArticle")
    assert article["correction"][0]["@type"] == "CorrectionComment"
    assert "wrong year" in article["correction"][0]["text"]


def test_a_story_may_carry_a_dateline(client):
    story = ArticlePageFactory(parent=section_named("world"), dateline="LISBON")
    assert visible_text(parse(client.get(story.url)).xpath("//p[@class='story__dateline']")[0]) == (
        "LISBON"
    )


def test_no_updated_line_without_a_substantive_change(client):
    story = ArticlePageFactory(parent=section_named("top-news"), published=True)
    page = parse(client.get(story.url))
    assert not page.xpath("//p[@class='story__updated']")
