"""The review steps and missed schedules that notify people (see notify.py).

Wagtail's own review e-mails (submitted: to superusers; approved and rejected: to the submitter)
are disconnected: the desks' notifications replace them, with the newsroom's words.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from masthead.newsroom.models import Notification
from masthead.newsroom.notify import Step, mark_read, notify, scheduled_label
from masthead.newsroom.people import person_for
from masthead.publishing.models import DeskApprovalTask, ScheduleIncident

Event = Notification.Event
WAGTAIL_NOTIFIERS = [
    (workflow_submitted, "workflow_state_submitted_email_notification"),
    (workflow_rejected, "workflow_state_rejected_email_notification"),
    (workflow_approved, "workflow_state_approved_email_notification"),
]


def desk_task(task_state):
    task = task_state.task.specific
    return task if isinstance(task, DeskApprovalTask) else None


def step_started(sender, instance, user=None, **kwargs):
    """A desk step starts: copy edit tells the copy editors, publish tells the editors."""
    task = desk_task(instance)
    page = instance.workflow_state.content_object
    if task is None or page is None:
        return
    mark_read(user, page.pk)  # who sent or passed it has acted on it
    if task.permission == DeskApprovalTask.Permission.CHANGE:
        notify(Step(Event.SENT_TO_COPY_EDIT, page, task.name, user))
    else:
        notify(Step(Event.PASSED_TO_EDITOR, page, task.name, user))


def changes_requested(sender, instance, user=None, **kwargs):
    task = desk_task(instance)
    page = instance.workflow_state.content_object
    if task is None or page is None:
        return
    mark_read(user, page.pk)
    notify(
        Step(Event.CHANGES_REQUESTED, page, task.name, user, comment=instance.comment or ""),
        submitter=instance.workflow_state.requested_by,
    )


def review_approved(sender, instance, user=None, **kwargs):
    """The last step passed: the story is published, or scheduled (a go-live time, an embargo)."""
    page = instance.content_object
    if page is None:
        return
    mark_read(user, page.pk)
    page.refresh_from_db()
    last = instance.task_states.order_by("-finished_at", "-pk").select_related("task").first()
    revision = page.get_latest_revision()
    when = revision.approved_go_live_at if revision else None
    headline = scheduled_label(when) if when else "Published"
    notify(
        Step(Event.PUBLISHED, page, last.task.name if last else "Publish", user, headline=headline),
        submitter=instance.requested_by,
    )


def schedule_missed(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.page_id is None:
        return
    page = instance.page
    due = scheduled_label(instance.due_at).replace("Scheduled for", "due")
    what = f"{instance.get_kind_display().lower()}: {instance.action} {due}"
    notify(Step(Event.MISSED_SCHEDULE, page, what, None, comment=instance.detail))


def account_saved(sender, instance, created, raw=False, **kwargs):
    """Every login is a person the newsroom can byline."""
    if created and not raw:
        person_for(instance)


def connect() -> None:
    post_save.connect(account_saved, sender=get_user_model(), dispatch_uid="newsroom-person")
    for signal, uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
    task_submitted.connect(step_started, sender=TaskState, dispatch_uid="newsroom-step-started")
    task_rejected.connect(changes_requested, sender=TaskState, dispatch_uid="newsroom-rejected")
    workflow_approved.connect(
        review_approved, sender=WorkflowState, dispatch_uid="newsroom-approved"
    )
    post_save.connect(schedule_missed, sender=ScheduleIncident, dispatch_uid="newsroom-missed")
