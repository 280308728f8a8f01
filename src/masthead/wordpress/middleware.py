"""WordPress's query URLs (`?p=ID`, `?page_id=ID`, `?attachment_id=ID`, `?cat=ID`,
`?author=ID`, `?s=words`) answered on any path, before the page tree: Wagtail's redirects act
only on a 404, and `/?p=12` would otherwise show the front page. An ID that no import brought in,
or whose item is not public (private, draft), answers the site's own 404 page, which never tells
the two apart (never the front page as a catch-all). A date archive (`/2024/05/`) that nothing
else answers is 410 Gone once an import has brought posts in."""

import re
from urllib.parse import urlencode

from django.http import Http404, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse

from masthead.wordpress.locations import location_of
from masthead.wordpress.models import ImportedObject

DATE_ARCHIVE = re.compile(r"/\d{4}/(?:\d{2}/(?:\d{2}/)?)?(?:page/\d+/)?")

ID_PARAMETERS = ("p", "page_id", "attachment_id", "cat", "author")
SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/media/", "/static/")
# The pages of a big sitemap part are ?p=2, ?p=3, ... (Django's sitemaps): no WordPress ID.
SITEMAP_PART = re.compile(r"/sitemap-[^/]+\.xml")


def imported() -> bool:
    return ImportedObject.objects.filter(kind="post").exists()


class WordPressQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.GET
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIPPED_PREFIXES)
            and not SITEMAP_PART.fullmatch(request.path)
        ):
            answer = self.answer(request)
            if answer is not None:
                return answer
        response = self.get_response(request)
        if response.status_code == 404 and DATE_ARCHIVE.fullmatch(request.path) and imported():
            # Masthead has no date listing: the old site's date archives are gone for good.
            return TemplateResponse(request, "410.html", {}, status=410).render()
        return response

    def answer(self, request):
        for name in ID_PARAMETERS:
            value = request.GET.get(name, "")
            if value.isdigit():
                target = location_of(name, int(value))
                if target is None:
                    # The site's own 404 page: it never tells a private or draft item from
                    # one that never existed.
                    raise Http404("no public page for this WordPress ID")
                return HttpResponsePermanentRedirect(target)
        if "s" in request.GET and request.path != "/search/":
            return HttpResponsePermanentRedirect("/search/?" + urlencode({"q": request.GET["s"]}))
        return None
