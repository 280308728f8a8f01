""" "Before you publish" as the writer types: the form as posted, checked on the server."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    ImageFactory,
    newsroom_staff,
    section_named,
)
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]
URL = "/admin/newsroom/checks/"


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


@pytest.fixture
def reporter(client):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    return client


def checks(client, data, page=None):
    response = client.post(URL + (f"?page={page}" if page else ""), data)
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_story_is_not_ready(reporter):
    html = checks(reporter, {"title": "", "standfirst": ""})
    assert 'data-problems="3"' in html
    assert "A story needs body text before it is published." in html
    assert "A story needs a headline before it is published." in html
    assert "A story needs a standfirst before it is published." in html
    assert "Ready to publish" not in html


def test_a_lead_image_needs_alt_text_and_is_told_without_credit(reporter):
    html = checks(reporter, {"title": "Bridge", "standfirst": "Dek", "lead_image": "7"})
    assert "Describe the lead image for readers who cannot see it." in html
    assert "The lead image has no credit." in html


def test_a_long_headline_is_told_and_a_complete_story_is_ready(reporter):
    long_title = "A headline " * 11
    html = checks(reporter, {"title": long_title, "standfirst": "Dek", **BODY})
    assert 'data-problems="0"' in html and "over 110" in html
    html = checks(reporter, {"title": "Bridge reopens", "standfirst": "Dek", **BODY})
    assert "Ready to publish" in html


BODY = nested_form_data({"body": streamfield([("paragraph", rich_text("<p>The bridge.</p>"))])})


def test_the_bodys_blocks_are_checked_as_a_publish_would_be(reporter):
    """Issue 13: "Ready to publish" with an empty body, a quote without its speaker and a body
    image without alt text."""
    image = ImageFactory()
    body = nested_form_data(
        {
            "body": streamfield(
                [
                    ("paragraph", rich_text("")),
                    ("quote", {"text": "We will rebuild it", "verb": "said", "speaker": ""}),
                    ("image", {"image": image.pk, "alt_text": "", "caption": "", "credit": "C"}),
                ]
            )
        }
    )
    html = checks(reporter, {"title": "Bridge", "standfirst": "Dek", **body})
    assert "Ready to publish" not in html
    assert 'data-problems="2"' in html  # the quote has words: body text is there
    assert "Say who said the quote “We will rebuild it”." in html
    assert "Describe body image 1 for readers who cannot see it (alt text)." in html
    empty = nested_form_data({"body": streamfield([("paragraph", rich_text(""))])})
    html = checks(reporter, {"title": "Bridge", "standfirst": "Dek", **empty})
    assert "A story needs body text before it is published." in html
    assert "Ready to publish" not in html


def test_a_new_story_does_not_open_as_ready(reporter):
    """Issue 13: a new, empty story showed "No warnings: the lead image is credited…"."""
    section = section_named("top-news")
    html = reporter.get(f"/admin/pages/add/articles/articlepage/{section.pk}/").content.decode()
    assert "No warnings" not in html and "Ready to publish" not in html
    assert "A story needs a headline before it is published." in html


def test_the_saved_storys_links_are_checked_only_for_those_who_may_edit_it(client):
    section = section_named("business")
    target = ArticlePageFactory(parent=section, live=False, title="A secret draft")
    story = ArticlePageFactory(
        parent=section,
        live=False,
        body=[("also_read", {"story": target, "label": "Also read"})],
    )
    story.save_revision()
    assert client.login(username="chief", password=STAFF_PASSWORD)
    assert "A secret draft" in checks(client, {"title": "x", "standfirst": "y"}, story.pk)
    assert client.login(username="reporter", password=STAFF_PASSWORD)  # not on the Business desk
    assert "A secret draft" not in checks(client, {"title": "x", "standfirst": "y"}, story.pk)


def test_only_signed_in_editors_may_ask(client):
    response = client.post(URL, {"title": ""})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
