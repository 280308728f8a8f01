"""The WSGI application: the page cache answers hits before Django runs (docs/page-cache.md);
outermost, every answer gets the security headers and plain http goes to https
(docs/security.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

from masthead.pagecache.wsgi import PageCacheApplication  # noqa: E402
from masthead.security.wsgi import SecureResponses  # noqa: E402

application = SecureResponses(PageCacheApplication(get_wsgi_application()))
