from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "masthead.publishing"
    label = "publishing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.publishing import (
            history,
            invalidation,
            review_hooks,
            signal_handlers,
            visibility,
        )

        signal_handlers.connect()
        invalidation.connect()
        review_hooks.register()
        history.register()
        visibility.register()
