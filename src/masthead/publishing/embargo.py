"""Embargo: a not-before time set on a story, usually by its source.

Unlike a schedule, nothing overrides it: a story under embargo is never live before the time.
Publishing it turns into a release at the embargo time (the worker carries it out, as for any
scheduled publication); the editor's "publish now" is refused with the reason.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from masthead.core.dates import in_newsroom


def under_embargo(embargo_until, now=None) -> bool:
    return embargo_until is not None and embargo_until > (now or timezone.now())


def release_time(go_live_at, embargo_until, now=None):
    """The go-live time a publication may have: never before the embargo."""
    if not under_embargo(embargo_until, now):
        return go_live_at
    if go_live_at is None or go_live_at < embargo_until:
        return embargo_until
    return go_live_at


def embargo_label(embargo_until) -> str:
    local = in_newsroom(embargo_until)
    return f"{local:%H:%M} on {local.day} {local:%B %Y} ({local.tzname()})"


def refusal_message(embargo_until) -> str:
    return (
        f"This story is under embargo until {embargo_label(embargo_until)}: it cannot be "
        "published before then. To release it at that time, set the go-live time to the "
        "embargo or later and publish; the scheduler releases it."
    )


def refuse_early_publication(page, now=None) -> None:
    """The last line of defence: a page under embargo is never saved as live."""
    if page.live and under_embargo(page.embargo_until, now):
        raise ValidationError({"embargo_until": refusal_message(page.embargo_until)})
