"""Go-live times are entered and shown in the newsroom's zone (settings.TIME_ZONE) in the admin."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from wagtail.models import Revision
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.factories import administrator
from tests.pages import parse
from tests.publishing.stories import draft_story, schedule

pytestmark = pytest.mark.django_db

SUMMER_NOON_UTC = datetime(2030, 7, 1, 12, 0, tzinfo=UTC)  # 13:00 in London (BST)


@pytest.fixture
def editor(client):
    administrator()
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    return client


def go_live_field(editor, story) -> str:
    [value] = parse(editor.get(f"/admin/pages/{story.pk}/edit/")).xpath(
        '//input[@name="go_live_at"]/@value'
    )
    return value


@override_settings(TIME_ZONE="Europe/London")
def test_the_schedule_form_shows_go_live_in_the_newsroom_zone(editor, section):
    story = draft_story(section, "Scheduled in London")
    schedule(story, SUMMER_NOON_UTC)
    assert go_live_field(editor, story) == "2030-07-01 13:00"


@override_settings(TIME_ZONE="Europe/London")
def test_a_go_live_time_typed_in_the_form_is_newsroom_time(editor, section):
    story = draft_story(section, "Typed in London")
    page = editor.get(f"/admin/pages/{story.pk}/edit/")
    data = querydict_from_html(page.content.decode(), form_id="page-edit-form")
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text("<p>The story.</p>"))])})
    )
    data["go_live_at"] = "2030-07-01 13:00"
    response = editor.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = Revision.page_revisions.filter(object_id=str(story.pk)).latest("created_at")
    assert latest.content["go_live_at"] == "2030-07-01T12:00:00Z"


@override_settings(TIME_ZONE="Europe/London")
def test_an_editor_who_chose_a_zone_of_their_own_sees_it_instead(editor, section):
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=ADMIN_USERNAME))
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()
    story = draft_story(section, "Scheduled from Tokyo")
    schedule(story, SUMMER_NOON_UTC)
    assert go_live_field(editor, story) == "2030-07-01 21:00"
