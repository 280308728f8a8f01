from django.template.response import TemplateResponse

from masthead.people.services import author_page_context


def author_page(request, slug):
    return TemplateResponse(request, "people/author_page.html", author_page_context(slug, request))
