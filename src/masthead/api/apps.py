from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "masthead.api"
    label = "masthead_api"  # "api" is too generic a label beside Wagtail's own API apps
    verbose_name = "Content API"
    default_auto_field = "django.db.models.BigAutoField"
