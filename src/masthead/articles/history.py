"""What the newsroom's own rules add to a story's history (Wagtail's log entries): a shortened or
lifted embargo, and a deliberate change of the public date. Each entry names who, when (Wagtail
records both) and what changed; an embargo change also gives the reason."""

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from masthead.articles.embargo import CHANGE_ACTION
from masthead.core.dates import in_newsroom

PUBLIC_DATE_ACTION = "masthead.published_at.change"


def _when(value) -> str:
    if not value:
        return "none"
    return f"{in_newsroom(value):%Y-%m-%d %H:%M:%S %Z}"


def _parse(value):
    from django.utils.dateparse import parse_datetime

    return parse_datetime(value) if value else None


class EmbargoChanged(LogFormatter):
    label = "Shorten or lift embargo"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        previous, now = _parse(data.get("previous")), _parse(data.get("embargo_until"))
        what = f"shortened to {_when(now)}" if now else "lifted"
        return f"Embargo until {_when(previous)} {what}. Reason: {data.get('reason', '')}"


class PublicDateChanged(LogFormatter):
    label = "Change publication date"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        previous, now = _parse(data.get("previous")), _parse(data.get("published_at"))
        return f"Publication date changed from {_when(previous)} to {_when(now)}"


def register_log_actions(actions):
    actions.register_action(CHANGE_ACTION)(EmbargoChanged)
    actions.register_action(PUBLIC_DATE_ACTION)(PublicDateChanged)


def log_public_date_change(page, user, previous) -> None:
    from wagtail.log_actions import log

    log(
        instance=page,
        action=PUBLIC_DATE_ACTION,
        user=user,
        data={
            "previous": previous.isoformat() if previous else None,
            "published_at": page.published_at.isoformat() if page.published_at else None,
        },
    )


def register() -> None:
    hooks.register("register_log_actions", register_log_actions)
