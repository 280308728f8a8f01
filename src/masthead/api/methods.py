"""The API only reads: GET, and HEAD answered as GET without the body (same headers, same
Content-Length); any other method is a JSON 405 with an Allow header, as every API error is JSON.
"""

from functools import wraps

from django.http import JsonResponse
from django.urls import URLPattern

ALLOWED = "GET, HEAD"


def not_allowed(request) -> JsonResponse:
    response = JsonResponse(
        {"detail": f"Method {request.method[:20]} is not allowed here; use GET or HEAD."},
        status=405,
    )
    response["Allow"] = ALLOWED
    return response


def reading_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "GET":
            return view(request, *args, **kwargs)
        if request.method != "HEAD":
            return not_allowed(request)
        request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


def reading_only_patterns(urls):
    """django-ninja's URL patterns (`api.urls`), each view wrapped in `reading_only`."""
    patterns, app_name, namespace = urls
    wrapped = [
        URLPattern(p.pattern, reading_only(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    return wrapped, app_name, namespace
