"""The reader pages the site's own URLs answer (Wagtail serves the rest): thin views over the
assembly beside them."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views

from masthead.core.sites import current_site
from masthead.reader.corrections import corrections_page_context
from masthead.reader.listings import author_page_context, tag_page_context
from masthead.reader.search import search_page_context


def serve_page(request, path):
    """Wagtail's page serving, the request's site found without a query (Wagtail looks it up
    again for every request)."""
    current_site(request)
    return wagtail_views.serve(request, path)


@require_safe
def tag_page(request, slug):
    return TemplateResponse(request, "sections/tag_page.html", tag_page_context(slug, request))


@require_safe
def author_page(request, slug):
    return TemplateResponse(request, "people/author_page.html", author_page_context(slug, request))


@require_safe
def search_view(request):
    return TemplateResponse(request, "search/search_page.html", search_page_context(request))


@require_safe
def corrections_page(request):
    context = corrections_page_context(request)
    return TemplateResponse(request, "publishing/corrections.html", context)
