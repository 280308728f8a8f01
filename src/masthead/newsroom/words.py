"""Newsroom words in the editor's messages: "Sent to copy edit", "Passed to the editor",
"Published", "Scheduled for 14:35 GMT", instead of Wagtail's "Page 'X' has been updated".

Wagtail adds its message, then runs the after_create_page / after_edit_page hooks: the hook
rewrites the queued message's sentence (its buttons stay) from what the step did to the story.
"""

import re

from django.utils.safestring import mark_safe
from wagtail.models import WorkflowState

from masthead.newsroom.notify import scheduled_label
from masthead.newsroom.scheduling import at, release_of
from masthead.publishing.models import DeskApprovalTask

SENTENCE = re.compile(
    r"Page (?:'|&#x27;|&#39;)(?P<title>.*?)(?:'|&#x27;|&#39;) (?P<what>"
    r"created and submitted for moderation|has been submitted for moderation|"
    r"created and published|has been published|"
    r"created and scheduled for publishing|has been scheduled for publishing|"
    r"is live and this version has been scheduled for publishing|"
    r"created|has been updated)\."
)


def review_step(page) -> str:
    """Where the story is in review after the action: its step's newsroom words."""
    state = WorkflowState.objects.filter(
        base_content_type__model="page",
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).first()
    task = state.current_task_state.task.specific if state and state.current_task_state else None
    if isinstance(task, DeskApprovalTask):
        if task.permission == DeskApprovalTask.Permission.CHANGE:
            return "Sent to copy edit"
        return "Passed to the editor"
    return f"Sent to {task.name}" if task else ""


def outcome(page) -> str:
    """Published, or scheduled (with the time in the newsroom's zone)."""
    revision = page.get_latest_revision()
    if revision is not None and revision.approved_go_live_at:
        return scheduled_label(revision.approved_go_live_at)
    return "Published" if page.live else saved(page)


def saved(page) -> str:
    """A save that publishes nothing: a draft, with the go-live time it waits for, if any."""
    draft = page.get_latest_revision_as_object()
    release = release_of(draft)
    return f"Draft saved, to go live at {at(release)} once scheduled" if release else "Draft saved"


def phrase(request, page, what: str) -> str:
    if "submitted" in what:
        return review_step(page) or "Sent for review"
    if "published" in what or "scheduled" in what:
        return outcome(page)
    action = request.POST.get("workflow-action-name", "")
    if "action-workflow-action" in request.POST and action == "reject":
        return "Changes requested"
    if "action-workflow-action" in request.POST and action == "approve":
        return review_step(page) or outcome(page)
    return saved(page)


def rewrite_messages(request, page) -> None:
    """The after_create_page / after_edit_page hook."""
    storage = getattr(request, "_messages", None)
    queued = getattr(storage, "_queued_messages", None)
    if not queued:
        return
    page.refresh_from_db()
    for message in queued:
        text = str(message.message)
        match = SENTENCE.search(text)
        if match:
            words = f"{phrase(request, page, match['what'])}: “{match['title']}”"
            message.message = mark_safe(text[: match.start()] + words + text[match.end() :])  # noqa: S308 (Wagtail's escaped HTML, rewritten)
