"""The reader pages the site's own URLs answer (Wagtail serves the rest): thin views over the
assembly beside them."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views

from masthead.core.sites import current_site
from masthead.reader.corrections import corrections_page_context
from masthead.reader.listings import author_page_context, tag_page_context
from masthead.reader.search import search_page_context
from masthead.search.limits import SearchUnavailable


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
    try:
        context = search_page_context(request)
    except SearchUnavailable as unavailable:
        return search_unavailable(request, unavailable)
    return TemplateResponse(request, "search/search_page.html", context)


def search_unavailable(request, unavailable: SearchUnavailable):
    """A quick 503: too many searches at once, or this one too slow; try again shortly."""
    retry_after = settings.MASTHEAD_SEARCH_RETRY_AFTER
    context = {"reason": unavailable.reason, "retry_after": retry_after}
    response = TemplateResponse(request, "search/search_unavailable.html", context, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def corrections_page(request):
    context = corrections_page_context(request)
    return TemplateResponse(request, "publishing/corrections.html", context)
