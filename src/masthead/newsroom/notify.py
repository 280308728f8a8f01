"""Who must hear of a story's step, and what they are told.

- sent to copy edit: the desk's copy editors;
- passed to the editor (copy edit approved): the desk's editors;
- changes requested, or approved (published or scheduled): the person who submitted it and the
  logins of its bylined people;
- missed schedule (a late or failed scheduled publication): the desk's editors.

The sender is never told of their own step. The notification is written in the same transaction
as the step; the e-mail goes after it commits (see mail.py), so a mail server that is down never
stops a step.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from masthead.newsroom.mail import send_after_commit
from masthead.newsroom.models import Notification
from masthead.newsroom.scheduling import at
from masthead.publishing import roles
from masthead.publishing.models import Desk

Event = Notification.Event
SECTION_PATH_LENGTH = 12


@dataclass(frozen=True)
class Step:
    """One happening of a story, as the newsroom says it."""

    event: str
    page: object
    step: str
    sender: object = None
    comment: str = ""
    headline: str = ""

    @property
    def title(self) -> str:
        return self.headline or Event(self.event).label

    def text(self) -> str:
        who = name_of(self.sender) if self.sender else "The scheduler"
        story = f"“{self.page.title}”"
        lines = {
            Event.SENT_TO_COPY_EDIT: f"{who} sent {story} to copy edit.",
            Event.PASSED_TO_EDITOR: f"{who} passed {story} to the editor (step: {self.step}).",
            Event.CHANGES_REQUESTED: f"{who} asked for changes to {story} at the {self.step} step.",
            Event.PUBLISHED: f"{who} approved {story} at the {self.step} step: {self.title}.",
            Event.MISSED_SCHEDULE: f"{story} missed its scheduled time ({self.step}).",
        }
        line = lines[Event(self.event)]
        return f"{line}\n{self.comment}".strip() if self.comment else line


def name_of(user) -> str:
    return user.get_full_name() or user.get_username()


def scheduled_label(when) -> str:
    """ "Scheduled for 14:35 GMT", in the newsroom's zone."""
    return f"Scheduled for {at(when)}"


def desk_of(page) -> Desk | None:
    return Desk.objects.filter(section__path=page.path[:SECTION_PATH_LENGTH]).first()


def desk_members(page, role: str) -> list:
    desk = desk_of(page)
    if desk is None:
        return []
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__desk_role__desk=desk, groups__desk_role__role=role)
        .distinct()
    )


def bylined_logins(page) -> list:
    """The logins of the people in the story's byline, as its latest version has it."""
    latest = page.specific.get_latest_revision_as_object()
    bylines = getattr(latest, "bylines", None)
    if bylines is None:
        return []
    person_ids = [byline.person_id for byline in bylines.all()]
    return list(
        get_user_model().objects.filter(is_active=True, person__pk__in=person_ids).distinct()
    )


def recipients_of(step: Step, submitter=None) -> list:
    if step.event == Event.SENT_TO_COPY_EDIT:
        people = desk_members(step.page, roles.COPY_EDITOR)
    elif step.event in (Event.PASSED_TO_EDITOR, Event.MISSED_SCHEDULE):
        people = desk_members(step.page, roles.EDITOR)
    else:
        people = ([submitter] if submitter and submitter.is_active else []) + bylined_logins(
            step.page
        )
    unique = {person.pk: person for person in people}
    if step.sender is not None:
        unique.pop(step.sender.pk, None)
    return list(unique.values())


def notify(step: Step, submitter=None) -> list[Notification]:
    """Write a notification for each person who must hear of `step`; e-mail them after commit."""
    text = step.text()
    created = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            event=step.event,
            headline=f"{step.title}: {step.page.title}"[:300],
            text=text,
            page_id=step.page.pk,
            story_title=step.page.title[:300],
            step=step.step,
            sender=step.sender,
        )
        for person in recipients_of(step, submitter)
    )
    if created:
        ids = [n.pk for n in created]
        transaction.on_commit(lambda: send_after_commit(ids))
    return created


def mark_read(user, page_id) -> None:
    """`user` acted on the story or opened it: their notifications about it have done their job
    (the "Notifications (n)" count drops)."""
    if user is None or not user.is_authenticated or page_id is None:
        return
    Notification.objects.filter(recipient=user, page_id=page_id, read_at__isnull=True).update(
        read_at=timezone.now()
    )
