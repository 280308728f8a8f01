"""HTTP caching of API answers: a short public lifetime, an ETag of the body, 304 on a match.

Nothing here reads or writes the session or the CSRF token, so that no Set-Cookie and no
Vary: Cookie make the answers uncacheable for shared caches.
"""

from functools import wraps

from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

MAX_AGE = 60  # seconds: short, so that a publish or unpublish reaches API clients quickly


def cacheable(request, response):
    """`response` with Cache-Control and ETag, or a 304 if the client has that ETag already."""
    if request.method not in {"GET", "HEAD"} or response.streaming:
        return response
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    if not response.has_header("ETag"):
        set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def cacheable_view(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return cacheable(request, view(request, *args, **kwargs))

    return wrapper
