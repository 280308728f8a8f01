"""The story editor's main button is the step the person is there to take.

Wagtail's footer always leads with "Save draft". A writer who cannot publish is there to send the
story to copy edit: "Submit" leads (Save draft is one click away in the menu, and autosave keeps
the draft anyway). A reviewer whose step is waiting is there to pass it: "Approve" (the plain
one, without a comment dialog) leads. Whoever may publish keeps Wagtail's order.
"""

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
