"""The "Before you publish" panel at the top of the story editor."""

from wagtail.admin.panels import Panel

from masthead.articles.checks import blocking_problems, publication_warnings


class PublicationChecksPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/panels/publication_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["problems"] = [p.message for p in blocking_problems(stored_fields(page))]
            context["warnings"] = publication_warnings(page) if page.pk else []
            return context


def stored_fields(page) -> dict:
    """The fields the publication checks read, from the story as the editor opens it."""
    return {
        "title": page.title,
        "standfirst": page.standfirst,
        "lead_image": page.lead_image_id,
        "lead_image_alt": page.lead_image_alt,
        "body": page.body,
    }
