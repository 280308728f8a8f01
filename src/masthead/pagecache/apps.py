from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "masthead.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from masthead.pagecache import signal_handlers  # noqa: F401
