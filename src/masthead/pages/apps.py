from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "masthead.pages"
    label = "pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.pages import invalidation

        invalidation.connect()
