"""Scheduling in one place: "Publish at…" in the footer menu; 24-hour times in the admin."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats, timezone

from tests.factories import STAFF_PASSWORD, ArticlePageFactory, newsroom_staff, section_named
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


def draft_in(slug):
    section = section_named(slug)
    owner = get_user_model().objects.get(username="reporter")
    story = ArticlePageFactory(parent=section, live=False, owner=owner)
    story.save_revision(user=owner)
    return story


def edit_page(client, username, story):
    assert client.login(username=username, password=STAFF_PASSWORD)
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_publish_at_is_in_the_footer_menu_for_those_who_may_publish(client):
    story = draft_in("top-news")
    html = edit_page(client, "editor", story)
    button = re.search(r"<button[^>]*data-newsroom-publish-at[^>]*>", html)
    assert button and 'data-a11y-dialog-show="schedule-publishing-dialog"' in button.group(0)
    assert 'id="schedule-publishing-dialog"' in html  # the dialog it opens is on the page
    assert "Publish at…" in html


def test_a_reporter_is_not_offered_publish_at(client):
    html = edit_page(client, "reporter", draft_in("top-news"))
    assert "data-newsroom-publish-at" not in html


def test_times_are_24_hour_in_the_admin(client):
    afternoon = datetime(2030, 7, 1, 14, 35)  # noqa: DTZ001 (a wall-clock time to format)
    assert formats.time_format(afternoon) == "14:35"
    assert "14:35" in formats.date_format(afternoon, "DATETIME_FORMAT")
    scheduled = draft_in("top-news")
    scheduled.go_live_at = timezone.now() + timedelta(days=365)
    scheduled.save_revision(user=get_user_model().objects.get(username="reporter")).publish(
        user=get_user_model().objects.get(username="editor")
    )
    html = edit_page(client, "chief", scheduled)
    assert not re.search(r"\d{1,2}:\d\d\s*[ap]\.?m\.?", html), "a 12-hour time in the editor"


def test_the_admin_says_headline_and_never_snippets():
    from django.utils.translation import gettext, override

    with override("en-gb"):
        assert gettext("Page title") == "Headline"
        said = gettext('Sorry, no snippets match "<em>%(search_query)s</em>"')
        assert "snippets" not in said and "Nobody matches" in said


def test_the_schedule_dialog_names_the_newsrooms_zone(client):
    """Issue 13: the dialog said neither the zone nor the clock its times are typed in."""
    html = edit_page(client, "editor", draft_in("top-news"))
    dialog = html[html.index('id="schedule-publishing-dialog"') :]
    assert "24-hour time in the newsroom&#x27;s zone, Asia/Kolkata (IST)" in dialog


def test_the_editors_styles_are_on_the_story_form(client):
    """Wagtail 8 has no insert_editor_css hook: the picker's docking (and the headline's label)
    were styled by a sheet that never reached the story form, so the picker covered "Save
    schedule"."""
    html = edit_page(client, "editor", draft_in("top-news"))
    assert re.search(r'<link rel="stylesheet" href="[^"]*newsroom/newsroom\.css', html)
