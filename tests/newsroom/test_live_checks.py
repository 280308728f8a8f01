""" "Before you publish" as the writer types: the form as posted, checked on the server."""

import pytest

from tests.factories import STAFF_PASSWORD, ArticlePageFactory, newsroom_staff, section_named

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]
URL = "/admin/newsroom/checks/"


@pytest.fixture
def staff(db):
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


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
    assert 'data-problems="2"' in html
    assert "A story needs a headline before it is published." in html
    assert "A story needs a standfirst before it is published." in html
    assert "Ready to publish" not in html


def test_a_lead_image_needs_alt_text_and_is_told_without_credit(reporter):
    html = checks(reporter, {"title": "Bridge", "standfirst": "Dek", "lead_image": "7"})
    assert "Describe the lead image for readers who cannot see it." in html
    assert "The lead image has no credit." in html


def test_a_long_headline_is_told_and_a_complete_story_is_ready(reporter):
    long_title = "A headline " * 11
    html = checks(reporter, {"title": long_title, "standfirst": "Dek"})
    assert 'data-problems="0"' in html and "over 110" in html
    html = checks(reporter, {"title": "Bridge reopens", "standfirst": "Dek"})
    assert "Ready to publish" in html


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
