from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from masthead.reader.listings import author_page_context


@require_safe
def author_page(request, slug):
    return TemplateResponse(request, "people/author_page.html", author_page_context(slug, request))
