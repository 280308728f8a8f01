"""The newsroom home: the admin's dashboard panels for the people of the desks.

"New story" per desk, the pipeline in a picture, the desk board by stage; Wagtail's "Awaiting
your review" stays, just under the buttons. Wagtail's generic panels (recent edits, locked pages,
"your pages in moderation") and the page/image counts give way to them.
"""

from django.forms import Media
from wagtail.admin.ui.components import Component

from masthead.newsroom.board import desk_board
from masthead.newsroom.desks import desk_from_request, new_story_url, writing_desks
from masthead.newsroom.review_steps import LabelledReviewPanel
from masthead.publishing.models import Desk

# Wagtail's panels the newsroom home replaces (the board shows the same stories, by stage).
REPLACED = {"user_objects_in_workflow_moderation", "recent_edits", "locked_pages"}
AWAITING_YOUR_REVIEW = "workflow_objects_to_moderate"
MEDIA = Media(css={"all": ["newsroom/newsroom.css"]})


class NewStoryPanel(Component):
    name = "newsroom_new_story"
    template_name = "newsroom/new_story_panel.html"
    order = 40

    def __init__(self, desks):
        self.desks = desks

    @property
    def media(self):
        return MEDIA

    def get_context_data(self, parent_context):
        return {
            "desks": [
                {"title": desk.section.title, "url": new_story_url(desk), "id": desk.section_id}
                for desk in self.desks
            ]
        }


class DeskBoardPanel(Component):
    name = "newsroom_desk_board"
    template_name = "newsroom/desk_board_panel.html"
    order = 70

    @property
    def media(self):
        return MEDIA

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        desks = list(Desk.objects.select_related("section").order_by("section__path"))
        chosen = desk_from_request(request, desks)
        board = desk_board(request.user, desk=chosen)
        return {
            "board": board,
            "desks": [{"id": d.section_id, "title": d.section.title} for d in desks],
            "chosen": chosen.section_id if chosen else None,
            "chosen_title": chosen.section.title if chosen else "",
            "chart_height": 28 * len(board.pipeline) + 8,
        }


def build_home(request, panels) -> None:
    """The construct_homepage_panels hook: the newsroom home in place of the generic panels."""
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED]
    for index, panel in enumerate(panels):
        if getattr(panel, "name", "") == AWAITING_YOUR_REVIEW:
            panel.order = 50  # right under "New story": what waits for this person first
            panels[index] = LabelledReviewPanel(panel)
    desks = writing_desks(request.user)
    if desks:
        panels.append(NewStoryPanel(desks))
    panels.append(DeskBoardPanel())
