"""Embargo: a not-before time set on a story, usually by its source.

A story under embargo is never live before the time. Publishing it (from the editor, a workflow
approval, a bulk action, a revert, the API or the worker) becomes a release at the embargo time:
Wagtail records it as a scheduled publication and the worker carries it out.

The embargo that stands is the one stored on the story's row. Anyone who may edit a story may set
or extend it; shortening or lifting a standing embargo takes the `articles.lift_embargo`
permission, a reason, and is logged in the story's history (`masthead.embargo.change`). The model
enforces it: a save that would lower the stored embargo without an authorised change is refused,
and a revision whose content has a lower embargo is published under the stored one.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from masthead.core.dates import in_newsroom

LIFT_PERMISSION = "articles.lift_embargo"
CHANGE_ACTION = "masthead.embargo.change"


def under_embargo(embargo_until, now=None) -> bool:
    return embargo_until is not None and embargo_until > (now or timezone.now())


def release_time(go_live_at, embargo_until, now=None):
    """The go-live time a publication may have: never before the embargo."""
    if not under_embargo(embargo_until, now):
        return go_live_at
    if go_live_at is None or go_live_at < embargo_until:
        return embargo_until
    return go_live_at


def lowers(stored, new, now=None) -> bool:
    """Whether `new` shortens or lifts the standing embargo `stored`."""
    return under_embargo(stored, now) and (new is None or new < stored)


def holding(stored, new, now=None):
    """The embargo a publication carries: the stored one unless the new one is later."""
    return stored if lowers(stored, new, now) else new


def embargo_label(embargo_until) -> str:
    local = in_newsroom(embargo_until)
    return f"{local:%H:%M} on {local.day} {local:%B %Y} ({local.tzname()})"


def release_message(embargo_until) -> str:
    return (
        f"This story is under embargo until {embargo_label(embargo_until)}. Publishing it "
        "schedules its release for that time; it is on no public page, feed or search before."
    )


def locked_message(stored) -> str:
    return (
        f"The embargo until {embargo_label(stored)} stands: only the chief editor can shorten "
        "or lift an embargo, with a reason."
    )


def refuse_early_publication(page, update_fields=None, now=None) -> None:
    """The last line of defence: a page under embargo is never saved as live. (A save of a few
    fields, such as saving a draft of a live story, writes neither.)"""
    if update_fields is not None and not {"live", "embargo_until"} & set(update_fields):
        return
    if page.live and under_embargo(page.embargo_until, now):
        label = embargo_label(page.embargo_until)
        raise ValidationError({"embargo_until": f"This story is under embargo until {label}."})


@dataclass(frozen=True)
class EmbargoChange:
    """An authorised shortening or lifting: who, why, and from which embargo."""

    user: object
    reason: str
    previous: object

    def log(self, page) -> None:
        from wagtail.log_actions import log

        log(
            instance=page,
            action=CHANGE_ACTION,
            user=self.user,
            data={
                "previous": self.previous.isoformat() if self.previous else None,
                "embargo_until": page.embargo_until.isoformat() if page.embargo_until else None,
                "reason": self.reason,
            },
        )


def authorise_change(page, user, reason: str, previous) -> EmbargoChange:
    """Let `page`'s next save shorten or lift the embargo `previous`, as `user` for `reason`."""
    if not (user and user.is_active and user.has_perm(LIFT_PERMISSION)):
        raise PermissionDenied(locked_message(previous))
    if not (reason or "").strip():
        raise ValidationError({"embargo_until": "Give the reason for shortening the embargo."})
    change = EmbargoChange(user=user, reason=reason.strip(), previous=previous)
    page._embargo_change = change
    return change


def stored_embargo(page):
    """The embargo on the story's row in the database (None for a new story)."""
    if page.pk is None:
        return None
    return type(page).objects.filter(pk=page.pk).values_list("embargo_until", flat=True).first()


def guard_save(page, update_fields):
    """Check a save of `page` against the stored embargo; returns the fields to write and the
    change to log afterwards (or None). A raised embargo is always written to the row, so the row
    holds the embargo that stands."""
    stored = stored_embargo(page)
    new = page.embargo_until
    change = page.__dict__.pop("_embargo_change", None)
    if lowers(stored, new):
        if change is None or change.previous != stored:
            raise ValidationError({"embargo_until": locked_message(stored)})
    elif new == stored or page.live:
        return update_fields, None
    else:
        change = None  # setting or extending needs no authorisation and is not logged
    if update_fields is not None and "embargo_until" not in update_fields:
        update_fields = [*update_fields, "embargo_until"]
    return update_fields, change
