"""The WSGI application: a cache hit is answered here, before Django's middleware runs."""

from masthead.pagecache import runtime
from masthead.pagecache.http import serve

KEY = "masthead.pagecache.key"


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self.cache = None

    def __call__(self, environ, start_response):
        cache = self.cache
        if cache is None:
            cache = self.cache = runtime.get()
        if cache.enabled:
            cache.ensure_listening()
            key = cache.rules.key(environ)
            if key is not None:
                entry = cache.lookup(key)
                if entry is not None:
                    return serve(entry, environ, start_response, cache.inflated.body)
            # Set even when None: the middleware works it out again once it has read the sites.
            environ[KEY] = key
        return self.application(environ, start_response)
