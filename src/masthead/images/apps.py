from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """What an image says about itself wherever it is used: its caption and credit (defaults.py)."""

    name = "masthead.images"
    label = "images"
    default_auto_field = "django.db.models.BigAutoField"
