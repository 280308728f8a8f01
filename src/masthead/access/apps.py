from django.apps import AppConfig


class AccessConfig(AppConfig):
    """Who gets in: login throttling (django-axes) and hashed page passwords."""

    name = "masthead.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.access import signal_handlers

        signal_handlers.connect()
