from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "masthead.publishing"
    label = "publishing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_tasks.signals import task_enqueued

        from masthead.publishing import background, review_hooks, signal_handlers, visibility

        task_enqueued.connect(background.wake_worker, dispatch_uid="masthead-wake-worker")

        signal_handlers.connect()
        review_hooks.register()
        visibility.register()
