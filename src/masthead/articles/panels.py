"""The "Before you publish" panel at the top of the story editor."""

from wagtail.admin.panels import Panel

from masthead.articles.checks import publication_warnings


class PublicationChecksPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/panels/publication_checks.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["warnings"] = publication_warnings(page) if page.pk else []
            return context
