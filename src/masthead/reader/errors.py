"""Answers for addresses with no public page: 410 Gone for a story that was pulled."""

from django.template.response import TemplateResponse
from django.views.defaults import page_not_found as django_page_not_found
from wagtail.models import Page, Site


def pulled_page(request):
    """The page once published at this address and taken down since, if there is one."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root_url_path = site.root_page.url_path  # e.g. /front/
    url_path = root_url_path + request.path.lstrip("/")
    if not url_path.endswith("/"):
        url_path += "/"
    return (
        Page.objects.filter(url_path=url_path, live=False, first_published_at__isnull=False)
        .only("pk", "title")
        .first()
    )


def page_not_found(request, exception=None):
    """404, or 410 Gone where a story was public and has been pulled (search engines drop it)."""
    if pulled_page(request) is not None:
        return TemplateResponse(request, "410.html", {}, status=410).render()
    return django_page_not_found(request, exception)
