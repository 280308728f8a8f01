"""/api/: the content API (django-ninja), its index, and a JSON 404 for every other address."""

from django.urls import path, re_path

from masthead.api.views import api, index, not_found

urlpatterns = [
    path("", index, name="api-index"),
    path("", api.urls),
    re_path(r"^.*$", not_found),
]
