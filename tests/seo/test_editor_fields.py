"""The editor's SEO fields and the "minor edit" tick, through the page editor itself."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from masthead.articles.models import ArticlePage
from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.factories import ArticlePageFactory, administrator, publish, section_named
from tests.pages import parse

pytestmark = pytest.mark.django_db

MINOR_EDIT_LABEL = "This is a minor edit (do not change the modified date)"


@pytest.fixture
def editor(client):
    administrator()
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    return client


@pytest.fixture
def story(db):
    section = section_named("business")
    page = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(days=30))
    page = publish(page)
    page.standfirst += " Updated."
    return publish(page)  # a first substantive edit: the modified date is set


def edit_url(story) -> str:
    return f"/admin/pages/{story.pk}/edit/"


def publish_through_the_editor(editor, story, **fields):
    """Open the story in the editor, change `fields` and press Publish, as an editor does."""
    data = querydict_from_html(
        editor.get(edit_url(story)).content.decode(), form_id="page-edit-form"
    )
    body = [("paragraph", rich_text("<p>The first paragraph, corrected.</p>"))]
    data.update(nested_form_data({"body": streamfield(body)}))
    for name, value in fields.items():
        data.pop(name, None)
        if value is not None:
            data[name] = value
    data["action-publish"] = "action-publish"
    return editor.post(edit_url(story), data)


def test_the_editor_offers_the_seo_fields(editor, story):
    html = editor.get(edit_url(story)).content.decode()
    for label in ("SEO headline", "Social headline", "Canonical URL", MINOR_EDIT_LABEL):
        assert label in html, label
    promote = parse(editor.get(edit_url(story))).xpath("//section[@id='tab-promote']")[0]
    for name in ("seo_title", "social_headline", "canonical_url"):
        assert promote.xpath(f".//*[@name='{name}']"), name


def test_a_ticked_minor_edit_keeps_the_date_and_is_unticked_next_time(editor, story):
    edited = story.last_substantive_edit_at
    response = publish_through_the_editor(editor, story, minor_edit="on")
    assert response.status_code == 302, response.content.decode()[:3000]
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.latest_revision.content["minor_edit"] is True
    assert story.last_substantive_edit_at == edited
    checkbox = parse(editor.get(edit_url(story))).xpath("//input[@name='minor_edit']")[0]
    assert checkbox.get("checked") is None


def test_an_unticked_publish_moves_the_date(editor, story):
    edited = story.last_substantive_edit_at
    response = publish_through_the_editor(editor, story, minor_edit=None)
    assert response.status_code == 302, response.content.decode()[:3000]
    story = ArticlePage.objects.get(pk=story.pk)
    assert story.last_substantive_edit_at > edited


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("/business/original/", "Enter a valid URL."),
        ("ftp://example.org/original/", "Enter the full address of the original story"),
    ],
)
def test_the_editor_refuses_a_canonical_url_that_is_not_absolute_http(
    editor, story, value, message
):
    response = publish_through_the_editor(editor, story, canonical_url=value)
    assert response.status_code == 200  # the form again, with the error
    errors = parse(response).xpath("//*[contains(@id, 'canonical_url-errors')]")
    assert message in errors[0].text_content()
    assert ArticlePage.objects.get(pk=story.pk).canonical_url == ""
