"""Scheduling in one place: "Publish at…" in the editor's footer menu, 24-hour times in the
newsroom's zone, and buttons and messages that say when the story will go live."""

from datetime import datetime

from django.utils import timezone
from django.utils.html import format_html
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.locks import ScheduledForPublishLock

from masthead.core.dates import in_newsroom, newsroom_zone


class PublishAtMenuItem(PublishMenuItem):
    """Opens Wagtail's "Set publishing schedule" dialog from the footer, beside Publish.

    Shown to whoever may publish the story, as Publish is; the dialog saves the go-live time and
    Publish (or approving the last review step) then schedules the story.
    """

    label = "Publish at…"
    name = "action-publish-at"
    icon_name = "calendar-alt"
    template_name = "newsroom/publish_at_menu_item.html"
    order = 25  # just under Publish (20)

    def is_shown(self, context):
        return context["view"] != "revisions_revert" and super().is_shown(context)

    def get_context_data(self, parent_context=None):
        # The zone the dialog's times are typed in: editor.js names the release from it live.
        return {**super().get_context_data(parent_context), "newsroom_zone": newsroom_zone().key}


def at(value: datetime) -> str:
    """ "14:35 GMT, Wed 9 Dec": 24-hour, in the newsroom's zone, named as it is at that time."""
    local = in_newsroom(value)
    return f"{local:%H:%M} {local.tzname()}, {local:%a} {local.day} {local:%b}"


def zone_help(now: datetime | None = None) -> str:
    """What the schedule dialog's fields are typed in: the newsroom's zone, by name, 24-hour."""
    zone = newsroom_zone()
    year = (now or timezone.now()).year
    names = dict.fromkeys(datetime(year, month, 1, 12, tzinfo=zone).tzname() for month in (1, 7))
    named = " or ".join(names)
    return f"24-hour time in the newsroom's zone, {zone.key} ({named}), e.g. 14:35."


def release_of(page) -> datetime | None:
    """When publishing (or approving the last step of) `page` now makes it live, if not at once:
    its go-live time or its embargo, whichever is later (docs/workflow.md, Embargo)."""
    now = timezone.now()
    times = [getattr(page, name, None) for name in ("go_live_at", "embargo_until")]
    future = [value for value in times if value and value > now]
    return max(future) if future else None


class ScheduledStoryLock(ScheduledForPublishLock):
    """A scheduled story is locked until it goes live: the banner says what the person reading it
    can do about that. Only who may unschedule it has "Cancel scheduled publish"."""

    def get_message(self, user):
        message = super().get_message(user)
        if self.object.permissions_for_user(user).can_unschedule():
            advice = "Press “Cancel scheduled publish” to change it first."
        else:
            advice = "To change it, ask an editor of its desk to cancel the scheduled publish."
        return format_html("{}. {}", message, advice)


def lock_scheduled_stories_with_advice(model) -> None:
    """`model`'s scheduled lock is ScheduledStoryLock (set on ArticlePage in apps.py)."""
    wagtail_lock = model.get_lock

    def get_lock(self):
        lock = wagtail_lock(self)
        return ScheduledStoryLock(self) if type(lock) is ScheduledForPublishLock else lock

    model.get_lock = get_lock
