from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """The cache kernel: it knows no page type. The content apps connect what their changes
    invalidate (their `invalidation.py`) through `masthead.pagecache.changes`."""

    name = "masthead.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"
