from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "masthead.articles"
    label = "articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.articles import history, rich_text, signal_handlers

        signal_handlers.connect()
        rich_text.register()
        history.register()
