"""The go-live time of each story in the admin's section listing (the page explorer).

A "Goes live" column in the listing of a section's pages: the time a scheduled story is
published, or its embargo's end while that is to come, in the newsroom's 24-hour clock. It is
worked out in the listing's one query (two subqueries); the reader site never shows it.
"""

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet, page_viewset_registry
from wagtail.models import Page, Revision

from masthead.articles.models import ArticlePage
from masthead.newsroom.board import clock
from masthead.sections.models import SectionPage


def go_live_of(page) -> tuple[str, dict] | None:
    """("Scheduled" or "Embargoed until", clock) for a page that is to go live, else None."""
    scheduled, embargo = page.newsroom_scheduled_at, page.newsroom_embargo_until
    if embargo and (scheduled is None or embargo >= scheduled):
        return "Embargoed until", clock(embargo)
    if scheduled:
        return "Scheduled", clock(scheduled)
    return None


class GoLiveColumn(Column):
    cell_template_name = "newsroom/go_live_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["go_live"] = go_live_of(instance)
        return context


class SectionIndexView(ExplorableIndexView):
    def annotate_queryset(self, pages):
        scheduled = Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), CharField()), approved_go_live_at__isnull=False
        ).order_by("approved_go_live_at")
        embargo = ArticlePage.objects.filter(
            pk=OuterRef("pk"), embargo_until__gt=timezone.now()
        ).values("embargo_until")
        return (
            super()
            .annotate_queryset(pages)
            .annotate(
                newsroom_scheduled_at=Subquery(scheduled.values("approved_go_live_at")[:1]),
                newsroom_embargo_until=Subquery(embargo[:1]),
            )
        )


def _columns():
    columns = list(ExplorableIndexView.base_columns)
    status = next(i for i, c in enumerate(columns) if c.name == "status")
    columns.insert(status + 1, GoLiveColumn("go_live", label="Goes live", width="16%"))
    return columns


class SectionListingViewSet(PageViewSet):
    """Wagtail's page viewset, but listing a section's pages with their go-live time."""

    model = Page
    name = "newsroom_section_listing"
    index_view_class = SectionIndexView
    columns = _columns()

    def on_register(self):
        # Only for exploring a section: every other page keeps Wagtail's own views.
        self.register_menu_item()
        page_viewset_registry.values_by_parent_model[SectionPage] = self
