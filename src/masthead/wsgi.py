"""The WSGI application: the page cache answers hits before Django runs (docs/page-cache.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

from masthead.pagecache.wsgi import PageCacheApplication  # noqa: E402

application = PageCacheApplication(get_wsgi_application())
