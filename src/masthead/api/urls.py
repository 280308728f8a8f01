"""/api/: the content API (django-ninja), its index, and a JSON 404 for every other address."""

from django.urls import path, re_path

from masthead.api.methods import reading_only, reading_only_patterns
from masthead.api.views import api, index, not_found

urlpatterns = [
    path("", reading_only(index), name="api-index"),
    path("", reading_only_patterns(api.urls)),
    re_path(r"^.*$", not_found),
]
