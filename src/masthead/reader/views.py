from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views

from masthead.core.sites import current_site
from masthead.reader.front import tag_page_context


def serve_page(request, path):
    """Wagtail's page serving, the request's site found without a query (Wagtail looks it up
    again for every request)."""
    current_site(request)
    return wagtail_views.serve(request, path)


@require_safe
def tag_page(request, slug):
    return TemplateResponse(request, "sections/tag_page.html", tag_page_context(slug, request))
