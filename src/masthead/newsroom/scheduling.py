"""Scheduling in one place: "Publish at…" in the editor's footer menu, 24-hour times."""

from wagtail.admin.action_menu import PublishMenuItem


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
