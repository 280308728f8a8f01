from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "masthead.serving"
    label = "serving"
    verbose_name = "Serving"
