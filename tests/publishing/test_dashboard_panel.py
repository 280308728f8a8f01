"""The editors' dashboard panel: next publications, the scheduler's state, incidents."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from masthead.publishing.locks import SCHEDULER
from masthead.publishing.models import ScheduleIncident, WorkerLease
from masthead.publishing.wagtail_hooks import SchedulePanel
from tests.factories import administrator, newsroom_staff
from tests.pages import parse, visible_text
from tests.publishing.stories import live_story_expiring, scheduled_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    administrator()
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    return client


def panel_text(editor) -> str:
    [panel] = parse(editor.get("/admin/")).xpath('//*[@id="masthead-schedule-section"]')
    return visible_text(panel)


def worker_ran(seconds_ago: float) -> None:
    WorkerLease.objects.update_or_create(
        name=SCHEDULER,
        defaults={
            "holder": "vm:1:abc",
            "last_run_at": timezone.now() - timedelta(seconds=seconds_ago),
        },
    )


@override_settings(TIME_ZONE="Europe/London")
def test_the_panel_lists_the_next_publications_in_the_newsroom_zone(editor, section):
    scheduled_story(section, "Summer budget story", datetime(2030, 7, 1, 12, 0, tzinfo=UTC))
    scheduled_story(section, "Winter budget story", datetime(2030, 12, 1, 12, 0, tzinfo=UTC))
    text = panel_text(editor)
    assert "Summer budget story Mon 1 Jul 2030, 13:00 BST" in text
    assert "Winter budget story Sun 1 Dec 2030, 12:00 GMT" in text
    assert "Goes live (Europe/London)" in text
    assert text.index("Summer budget story") < text.index("Winter budget story")


def test_the_panel_lists_the_next_expiries(editor, section):
    live_story_expiring(section, "A story that expires", timezone.now() + timedelta(days=2))
    text = panel_text(editor)
    assert "Next to expire" in text
    assert "A story that expires" in text.split("Next to expire")[1]


def test_the_panel_warns_when_the_scheduler_has_never_run(editor):
    WorkerLease.objects.all().delete()
    text = panel_text(editor)
    assert "the scheduler is not running" in text
    assert "never run" in text


def test_the_panel_warns_when_the_scheduler_stopped_running(editor):
    worker_ran(seconds_ago=31)
    assert "the scheduler is not running" in panel_text(editor)


def test_the_panel_says_the_scheduler_runs(editor):
    worker_ran(seconds_ago=1)
    text = panel_text(editor)
    assert "The scheduler is running: last run" in text
    assert "not running" not in text


def test_incidents_stay_on_the_panel_until_acknowledged(editor, section):
    revision = scheduled_story(section, "A story that failed", timezone.now() - timedelta(hours=1))
    incident = ScheduleIncident.objects.create(
        page_id=revision.object_id,
        action="publish",
        kind="failed",
        due_at=timezone.now() - timedelta(hours=1),
        detail="RuntimeError: the search index is down",
    )
    text = panel_text(editor)
    assert "1 schedule ran late or failed" in text
    assert (
        "A story that failed Failed: publish RuntimeError: the search index is down"
        in text.split("Next to go live")[0]
    )
    assert "(overdue)" in text
    response = editor.post(f"/admin/scheduling/incidents/{incident.pk}/acknowledge/")
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.acknowledged
    assert "ran late or failed" not in panel_text(editor)


def test_only_publishers_may_acknowledge(client, section):
    incident = ScheduleIncident.objects.create(
        action="publish", kind="late", due_at=timezone.now(), detail="late"
    )
    user = get_user_model().objects.create_user("admin-access-only", password="x-long-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert "Acknowledge" not in panel_text(client)
    response = client.post(f"/admin/scheduling/incidents/{incident.pk}/acknowledge/")
    assert response.status_code in (302, 403)  # Wagtail's admin turns a refusal into a redirect
    incident.refresh_from_db()
    assert not incident.acknowledged


def count_panel_queries(user) -> int:
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        SchedulePanel().render_html({"request": request, "csrf_token": "token"})
    return len(queries)


def test_the_panel_makes_the_same_few_queries_however_much_is_scheduled(section):
    admin = administrator()
    newsroom_staff()
    worker_ran(seconds_ago=1)
    scheduled_story(section, "One story", timezone.now() + timedelta(hours=1))
    few = count_panel_queries(admin)
    # Others' panels leave out what they may not read: one query more, for their page rights.
    few_for_editor = count_panel_queries(get_user_model().objects.get(username="editor"))
    for number in range(6):
        revision = scheduled_story(section, f"Story {number}", timezone.now() + timedelta(hours=2))
        live_story_expiring(section, f"Expiring {number}", timezone.now() + timedelta(days=1))
        ScheduleIncident.objects.create(
            page_id=revision.object_id, action="publish", kind="late", due_at=timezone.now()
        )
    assert count_panel_queries(admin) == few <= 5
    assert count_panel_queries(get_user_model().objects.get(username="editor")) == few_for_editor
    assert few_for_editor <= 6
