"""The reader search page: a thin view over `masthead.search.results`."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from masthead.search.results import search_page_context


@require_safe
def search_view(request):
    return TemplateResponse(request, "search/search_page.html", search_page_context(request))
