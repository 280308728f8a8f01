"""Answers for addresses with no public page: 410 Gone for a story or page that was pulled."""

from django.template.response import TemplateResponse
from django.views.defaults import page_not_found as django_page_not_found
from wagtail.models import Page, Site

from masthead.articles.models import ArticlePage


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
        .only("pk", "title", "content_type")
        .first()
    )


def gone_kind(page) -> str:
    """What a reader would call the page that was removed: "story" for a story, else "page"."""
    return "story" if page is not None and issubclass(page.specific_class, ArticlePage) else "page"


def page_not_found(request, exception=None):
    """404, or 410 Gone where a story was public and has been pulled (search engines drop it)."""
    pulled = pulled_page(request)
    if pulled is not None:
        context = {"gone_kind": gone_kind(pulled)}
        return TemplateResponse(request, "410.html", context, status=410).render()
    return django_page_not_found(request, exception)
