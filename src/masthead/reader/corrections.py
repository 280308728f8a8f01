"""The public record of corrections, clarifications and updates: /corrections/."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from masthead.articles.models import Correction
from masthead.articles.queries import public_stories
from masthead.core.pagination import paginate
from masthead.pagecache import deps

CORRECTIONS_PAGE_SIZE = 30


def public_corrections(request=None):
    """Notes on public stories, newest first (a pulled story's notes go with it)."""
    return (
        Correction.objects.filter(page__in=public_stories(request).values("pk"))
        .select_related("page")
        .defer("page__body")
        .order_by("-noted_at", "-pk")
    )


@require_safe
def corrections_page(request):
    deps.record(deps.CORRECTIONS)
    notes = paginate(public_corrections(request), request, CORRECTIONS_PAGE_SIZE)
    return TemplateResponse(request, "publishing/corrections.html", {"notes_page": notes})
