from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "masthead.search"
    label = "masthead_search"  # "search" reads too much like Wagtail's own search app
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.search import follow

        follow.connect()
