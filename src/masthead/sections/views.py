from django.template.response import TemplateResponse

from masthead.sections.services import tag_page_context


def tag_page(request, slug):
    return TemplateResponse(request, "sections/tag_page.html", tag_page_context(slug, request))
