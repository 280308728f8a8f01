"""Who may send a story into review: every writing role (contributors too) submits its drafts."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

SUBMIT_PERMISSION = "publishing.submit_for_review"
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def can_submit(user) -> bool:
    return user.is_active and user.has_perm(SUBMIT_PERMISSION)


def hide_submit_for_drafters(menu_items, request, context):
    if not can_submit(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in SUBMIT_ACTIONS]


def refuse_submit_for_drafters(request, page, *args):
    submitting = request.method == "POST" and any(a in request.POST for a in SUBMIT_ACTIONS)
    if submitting and not can_submit(request.user):
        raise PermissionDenied(
            "You may not send stories for review: ask your desk's editor for the right."
        )


def register() -> None:
    hooks.register("construct_page_action_menu", hide_submit_for_drafters)
    hooks.register("before_edit_page", refuse_submit_for_drafters)
    hooks.register("before_create_page", refuse_submit_for_drafters)
