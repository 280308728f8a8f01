from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "masthead.people"
    label = "people"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from masthead.people import invalidation

        invalidation.connect()
