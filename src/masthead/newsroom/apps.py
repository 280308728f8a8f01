from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """The newsroom desk in the admin: the home page, the desk board and notifications."""

    name = "masthead.newsroom"
    label = "newsroom"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.newsroom import signal_handlers

        signal_handlers.connect()
