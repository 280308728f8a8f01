from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.core import invalidation

        invalidation.connect()
