from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "masthead.articles"
    label = "articles"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.articles import history, invalidation, rich_text, signal_handlers

        signal_handlers.connect()
        invalidation.connect()  # after record_publication: on publish, the dates first
        rich_text.register()
        history.register()
