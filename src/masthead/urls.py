from django.conf import settings
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from masthead.access.uploads import DocumentUploadView, ImageUploadView
from masthead.access.views import authenticate_with_password, set_page_privacy
from masthead.newsroom.sections_rule import NewsroomAddSubpageView
from masthead.publishing.visibility import desk_chosen_multiple
from masthead.reader.views import author_page, corrections_page, search_view, serve_page, tag_page

# Wagtail's views that Masthead replaces: the privacy dialog and the page-password form, on
# hashed passwords with a throttle, and the multiple uploads, which refuse a request without a
# file instead of failing (masthead.access).
REPLACED = {"wagtail_serve", "wagtailcore_authenticate_with_password"}

urlpatterns = [
    path("admin/pages/<int:page_id>/privacy/", set_page_privacy),
    path("admin/images/multiple/add/", ImageUploadView.as_view()),
    path("admin/documents/multiple/add/", DocumentUploadView.as_view()),
    # Before Wagtail's own: the page chooser's "chosen" answer, limited to pages the user may read.
    path("admin/choose-page/chosen-multiple/", desk_chosen_multiple),
    # Before Wagtail's own: "Choose a page type" offers sections only to those who may add one.
    path(
        "admin/pages/<int:parent_page_id>/add_subpage/",
        require_admin_access(never_cache(NewsroomAddSubpageView.as_view())),
    ),
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
    # Only image renditions (images/, what pages show). Documents go through Wagtail's document
    # view (/documents/<id>/<name>), which checks their collection's privacy; image originals
    # (original_images/) are never served (docs/abuse-limits.md).
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(
            rf"^{media_prefix}(?P<path>images/[^/.][^/]*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Wagtail's page tree serves everything else, so it comes last: Wagtail's front-end URLs, its
# serve view wrapped to find the request's site without a query.
urlpatterns += [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in REPLACED),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
]

handler404 = "masthead.reader.errors.page_not_found"
