"""What stops a publication, and what the editor is warned about."""

import pytest

from masthead.articles.checks import blocking_problems, publication_warnings
from tests.factories import ArticlePageFactory, ImageFactory, section_named

pytestmark = pytest.mark.django_db


def fields(problems):
    return {problem.field for problem in problems}


def test_a_story_needs_headline_standfirst_and_lead_image_alt_text():
    image = ImageFactory()
    assert fields(blocking_problems({"title": " ", "standfirst": ""})) == {"title", "standfirst"}
    assert fields(blocking_problems({"title": "T", "standfirst": "S", "lead_image": image})) == {
        "lead_image_alt"
    }
    assert (
        blocking_problems(
            {"title": "T", "standfirst": "S", "lead_image": image, "lead_image_alt": "A crowd"}
        )
        == []
    )


def test_warnings_for_uncredited_image_long_headline_and_links_to_drafts():
    section = section_named("world")
    draft = ArticlePageFactory(parent=section, title="Still a draft", live=False)
    story = ArticlePageFactory(
        parent=section,
        title="x" * 111,
        lead_image=ImageFactory(),
        lead_image_alt="A crowd",
        body=[
            ("paragraph", f'<p>See <a linktype="page" id="{draft.pk}">this</a>.</p>'),
            ("also_read", {"story": draft, "label": "Also read"}),
        ],
    )
    warnings = " ".join(publication_warnings(story))
    assert "lead image has no credit" in warnings
    assert "111 characters" in warnings
    assert "“Still a draft”, which is not published" in warnings


def test_a_clean_story_has_no_warnings():
    section = section_named("world")
    assert publication_warnings(ArticlePageFactory(parent=section)) == []


def test_a_link_to_an_unpublished_story_is_not_a_link_for_readers(client):
    section = section_named("world")
    draft = ArticlePageFactory(parent=section, slug="secret-merger-plan", live=False)
    story = ArticlePageFactory(
        parent=section,
        body=[("paragraph", f'<p>See <a linktype="page" id="{draft.pk}">the plan</a>.</p>')],
    )
    body = client.get(story.url).content.decode()
    assert "the plan" in body
    assert "secret-merger-plan" not in body
