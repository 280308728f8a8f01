from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.people.views import author_page
from masthead.publishing.corrections import corrections_page
from masthead.publishing.visibility import desk_chosen_multiple
from masthead.search.views import search_view
from masthead.sections.views import serve_page, tag_page

urlpatterns = [
    # Before Wagtail's own: the page chooser's "chosen" answer, limited to pages the user may read.
    path("admin/choose-page/chosen-multiple/", desk_chosen_multiple),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("tags/<str:slug>/", tag_page, name="tag"),
    path("authors/<str:slug>/", author_page, name="author"),
    path("search/", search_view, name="search"),
    path("corrections/", corrections_page, name="corrections"),
    path("api/", include("masthead.api.urls")),
    path("", include("masthead.feeds.urls")),
]

if settings.MASTHEAD_SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Wagtail's page tree serves everything else, so it comes last: Wagtail's front-end URLs, its
# serve view wrapped to find the request's site without a query.
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
]

handler404 = "masthead.publishing.views.page_not_found"
