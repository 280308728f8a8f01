"""The story editor's main button is the step the person is there to take.

Wagtail's footer always leads with "Save draft". A writer who cannot publish is there to send the
story to copy edit: "Submit" leads (Save draft is one click away in the menu, and autosave keeps
the draft anyway). A reviewer whose step is waiting is there to pass it: "Approve" (the plain
one, without a comment dialog) leads. Whoever may publish keeps Wagtail's order.
"""

from copy import copy

from masthead.newsroom.scheduling import at, release_of

LEADS = ("action-submit", "approve")


def lead_with_the_next_step(menu_items, request, context) -> None:
    names = [item.name for item in menu_items]
    if "action-publish" in names and "approve" not in names:
        return
    for name in LEADS:
        for index, item in enumerate(menu_items):
            if item.name == name and not getattr(item, "launch_modal", False):
                menu_items.insert(0, menu_items.pop(index))
                return


def name_the_release(menu_items, request, context) -> None:
    """With a go-live time (or an embargo) to come, the buttons that publish say they schedule,
    and when: "Schedule for 14:35 GMT, Wed 9 Dec", "Approve and schedule for 14:35 GMT, …",
    as the message after them will ("Scheduled for 14:35 GMT, Wed 9 Dec: “…”")."""
    page = context.get("page")
    release = release_of(page) if page is not None else None
    if release is None:
        return
    for index, item in enumerate(menu_items):
        # Wagtail builds its base menu items once for every request: relabel a copy, or the
        # label would stay on every later story's footer (a new story's "Schedule for …").
        item = menu_items[index] = copy(item)
        if item.name == "action-publish":
            item.label = f"Schedule for {at(release)}"
            item.template_name = "newsroom/schedule_menu_item.html"
        elif item.name == "approve" and str(item.label).endswith(" and Publish"):
            step = str(item.label).removesuffix(" and Publish")
            item.label = f"{step} and schedule for {at(release)}"
