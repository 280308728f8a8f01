"""Telling the people who must act: in the admin, and by e-mail through a real SMTP server."""

import logging
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.articles.models import ArticleByline
from masthead.newsroom.models import Notification, NotificationPreferences
from masthead.people.models import Person
from masthead.publishing.models import ScheduleIncident
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    administrator,
    named_newsroom_staff,
    section_named,
)
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _staff():
    """The administrator, and the five role accounts under the demo's names and addresses on
    their desks (Business; Top News and World)."""
    administrator()
    return named_newsroom_staff()


staff = module_world(_staff)


def user(username):
    return get_user_model().objects.get(username=username)


def story_by(username, slug="top-news", title="Tram line opens", byline=None):
    story = ArticlePageFactory(
        parent=section_named(slug), owner=user(username), live=False, title=title
    )
    if byline is not None:
        story.bylines.add(ArticleByline(person=byline))
    story.save_revision(user=user(username))
    return story


def notes(username, story):
    """The notifications of `username` about `story`."""
    return list(Notification.objects.filter(recipient__username=username, page=story))


class Inbox:
    """A real SMTP server on a free loopback port that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf8", "replace")))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()


@pytest.fixture
def closed_port(settings):
    """An address where no mail server listens: connecting is refused."""
    port = free_port()
    settings.EMAIL_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return port


def test_submitting_tells_the_desks_copy_editors_by_email(
    smtp_server, django_capture_on_commit_callbacks
):
    story = story_by("reporter")
    with django_capture_on_commit_callbacks(execute=True):
        story.get_workflow().start(story, user("reporter"))

    [note] = notes("copyeditor", story)
    assert note.headline == "Sent to copy edit: Tram line opens"
    assert note.text == "Riley Reporter sent “Tram line opens” to copy edit."
    assert note.step == "Copy edit" and note.sender == user("reporter")
    assert not notes("editor", story)  # not their step yet
    assert not notes("admin", story)  # Wagtail's mail to superusers is replaced
    assert not notes("reporter", story)  # never told of one's own step
    [(to, content)] = smtp_server.messages
    assert to == ["copyeditor@masthead.invalid"]
    assert "Subject: [Masthead] Sent to copy edit: Tram line opens" in content
    assert f"/admin/pages/{story.pk}/edit/" in content
    note.refresh_from_db()
    assert note.mail == Notification.Mail.SENT


def test_a_business_story_tells_nobody_on_other_desks(django_capture_on_commit_callbacks):
    story = story_by("chief", slug="business", title="Bank rate held")
    with django_capture_on_commit_callbacks(execute=True):
        story.get_workflow().start(story, user("chief"))
    assert not notes("copyeditor", story)  # Top News and World only


def test_passing_copy_edit_tells_the_editors(smtp_server, django_capture_on_commit_callbacks):
    story = story_by("reporter")
    story.get_workflow().start(story, user("reporter"))
    story.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        story.current_workflow_state.current_task_state.approve(user=user("copyeditor"))

    [note] = notes("editor", story)
    assert note.headline == "Passed to the editor: Tram line opens"
    assert "Sam Copyeditor passed “Tram line opens” to the editor" in note.text
    assert [to for to, _ in smtp_server.messages] == [["editor@masthead.invalid"]]


def test_changes_requested_tell_the_submitter_and_the_bylined_logins(
    smtp_server, django_capture_on_commit_callbacks
):
    casey = Person.objects.get(user=user("contributor"))  # every login is a person
    story = story_by("reporter", byline=casey)
    story.get_workflow().start(story, user("reporter"))
    story.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        story.current_workflow_state.current_task_state.reject(
            user=user("copyeditor"), comment="Check the mayor's name."
        )

    for username in ("reporter", "contributor"):
        [note] = notes(username, story)
        assert note.event == Notification.Event.CHANGES_REQUESTED
        assert note.text == (
            "Sam Copyeditor asked for changes to “Tram line opens” at the Copy edit step.\n"
            "Check the mayor's name."
        )
    assert sorted(to[0] for to, _ in smtp_server.messages) == [
        "contributor@masthead.invalid",
        "reporter@masthead.invalid",
    ]


def test_approval_says_published(django_capture_on_commit_callbacks):
    story = story_by("reporter")
    story.get_workflow().start(story, user("reporter"))
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=user("copyeditor"))
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=user("editor"))

    [note] = notes("reporter", story)
    assert note.headline == "Published: Tram line opens"
    assert note.text.startswith("Elena Editor approved “Tram line opens” at the Publish step")


def test_approval_of_a_scheduled_story_says_when_in_the_newsroom_zone():
    story = story_by("reporter")
    story.go_live_at = timezone.now() + timedelta(days=2)
    story.save_revision(user=user("reporter"))
    story.get_workflow().start(story, user("reporter"))
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=user("copyeditor"))
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=user("editor"))

    [note] = notes("reporter", story)
    local = timezone.localtime(story.go_live_at)  # the test zone: Asia/Kolkata
    assert note.headline.startswith(f"Scheduled for {local:%H:%M} IST"), note.headline


def test_a_missed_schedule_tells_the_desks_editors():
    story = story_by("reporter")
    ScheduleIncident.objects.create(
        page=story,
        action="publish",
        kind=ScheduleIncident.Kind.FAILED,
        due_at=timezone.now(),
        detail="RuntimeError: disk full",
    )
    [note] = notes("editor", story)
    assert note.headline == "Missed schedule: Tram line opens"
    assert "disk full" in note.text
    assert note.sender is None


def test_a_mail_server_that_is_down_blocks_no_step(
    closed_port, client, caplog, django_capture_on_commit_callbacks
):
    story = story_by("reporter")
    story.get_workflow().start(story, user("reporter"))
    story.refresh_from_db()
    assert client.login(username="copyeditor", password=STAFF_PASSWORD)
    state = story.current_workflow_state.current_task_state
    with (
        caplog.at_level(logging.ERROR, logger="masthead.newsroom.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            f"/admin/pages/workflow/action/{story.pk}/approve/{state.pk}/", {"comment": ""}
        )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Publish"  # the step went through
    [note] = notes("editor", story)
    assert note.mail == Notification.Mail.FAILED
    assert "could not reach the mail server" in caplog.text
    assert "Connection refused" in caplog.text or "ConnectionRefused" in caplog.text


def test_email_preferences_are_kept(smtp_server, django_capture_on_commit_callbacks):
    NotificationPreferences.objects.create(user=user("copyeditor"), sent_to_copy_edit=False)
    story = story_by("reporter")
    with django_capture_on_commit_callbacks(execute=True):
        story.get_workflow().start(story, user("reporter"))
    [note] = notes("copyeditor", story)  # still listed in the admin
    assert note.mail == Notification.Mail.OFF
    assert smtp_server.messages == []


def test_the_admin_lists_notifications_with_an_unread_count(client):
    story = story_by("reporter")
    story.get_workflow().start(story, user("reporter"))
    Notification.objects.exclude(page=story).update(read_at=timezone.now())
    assert client.login(username="copyeditor", password=STAFF_PASSWORD)
    home = client.get("/admin/").content.decode()
    assert "Notifications (1)" in home
    page = client.get("/admin/newsroom/notifications/").content.decode()
    assert 'data-unread-count="1"' in page
    assert "Riley Reporter sent “Tram line opens” to copy edit." in page
    [note] = notes("copyeditor", story)
    opened = client.get(f"/admin/newsroom/notifications/{note.pk}/")
    assert opened["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert "Notifications (1)" not in client.get("/admin/").content.decode()


def test_nobody_opens_someone_elses_notification(client):
    story = story_by("reporter")
    story.get_workflow().start(story, user("reporter"))
    [note] = notes("copyeditor", story)
    assert client.login(username="editor", password=STAFF_PASSWORD)
    assert client.get(f"/admin/newsroom/notifications/{note.pk}/").status_code == 404


def test_the_account_page_offers_the_new_preferences(client):
    assert client.login(username="copyeditor", password=STAFF_PASSWORD)
    page = client.get("/admin/account/").content.decode()
    assert "A story of my desk is sent to copy edit" in page


def test_wagtails_switches_that_do_nothing_are_gone_and_the_others_speak_newsroom(client):
    """Issue 13: Wagtail's "Submitted notifications – Receive notification when a page is
    submitted for moderation" beside the desk's own switch; Wagtail's submitted e-mails are off."""
    assert client.login(username="editor", password=STAFF_PASSWORD)
    page = client.get("/admin/account/").content.decode()
    assert "A story of my desk is sent to copy edit" in page
    assert "Submitted notifications" not in page and "moderation" not in page
    assert "A story I sent or am bylined on is published or scheduled" in page
    assert "Changes are requested on a story I sent or am bylined on" in page


def unread(username, story):
    return [n.headline for n in notes(username, story) if n.read_at is None]


def test_acting_on_a_story_or_opening_it_reads_its_notifications(client):
    """Issue 13: "Notifications (2)" stayed after the story was handled. Acting on a story (here
    passing copy edit) or opening its edit form marks one's notifications about it read."""
    story = story_by("reporter")
    story.get_workflow().start(story, user("reporter"))
    assert unread("copyeditor", story), "the copy editor was not told"
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=user("copyeditor"))
    assert unread("copyeditor", story) == []
    assert unread("editor", story), "the editor was not told"
    assert client.login(username="editor", password=STAFF_PASSWORD)
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200
    assert unread("editor", story) == []
