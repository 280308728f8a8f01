"""An embargo cannot be overridden: the story is never live before it, and goes out at it."""

import time
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from masthead.publishing import scheduling
from masthead.sections.models import SectionPage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    section = SectionPage.objects.get(slug="world")
    story = ArticlePageFactory(parent=section, live=False, title="Embargoed report")
    story.embargo_until = timezone.now() + timedelta(hours=2)
    story.save_revision()
    return story


def test_publishing_under_embargo_becomes_a_release_at_the_embargo(embargoed):
    embargoed.get_latest_revision().publish()
    embargoed.refresh_from_db()
    assert not embargoed.live
    revision = embargoed.get_latest_revision()
    assert revision.approved_go_live_at == embargoed.embargo_until


def test_an_earlier_go_live_time_cannot_beat_the_embargo(embargoed):
    embargoed.go_live_at = timezone.now() + timedelta(minutes=5)
    embargoed.save_revision().publish()
    embargoed.refresh_from_db()
    assert embargoed.get_latest_revision().approved_go_live_at == embargoed.embargo_until


def test_a_live_save_under_embargo_is_refused(embargoed):
    embargoed.live = True
    with pytest.raises(ValidationError, match="under embargo until"):
        embargoed.save()


def test_the_worker_releases_the_story_at_the_embargo(client, embargoed):
    embargoed.embargo_until = timezone.now() + timedelta(seconds=2)
    embargoed.save_revision().publish()
    assert not scheduling.run_due()  # nothing due yet
    assert "Embargoed report" not in client.get("/world/").content.decode()
    time.sleep(max(0.0, (embargoed.embargo_until - timezone.now()).total_seconds()) + 0.2)
    scheduling.run_due()
    embargoed.refresh_from_db()
    assert embargoed.live
    assert "Embargoed report" in client.get("/world/").content.decode()


def test_the_editor_refuses_publish_now_with_the_reason(client, embargoed):
    assert client.login(username="editor", password="masthead-demo")
    edit_url = f"/admin/pages/{embargoed.pk}/edit/"
    form = client.get(edit_url)
    assert form.status_code == 200
    assert "under embargo until" in form.content.decode()  # the "Before you publish" panel
    response = client.post(
        edit_url,
        {
            **editor_form_data(embargoed),
            "embargo_until": timezone.localtime(embargoed.embargo_until).strftime("%Y-%m-%d %H:%M"),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "cannot be published before then" in response.content.decode()
    embargoed.refresh_from_db()
    assert not embargoed.live


def editor_form_data(story) -> dict:
    """The story editor's fields, as the browser would post them for this story."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    return nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": story.standfirst,
            "credit_verb": "reports",
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "bylines": inline_formset([]),
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
            "tags": "",
        }
    )
