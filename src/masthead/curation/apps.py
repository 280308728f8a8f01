from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "masthead.curation"
    label = "curation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Pins, picks and the banner count in Wagtail's reference index ("Usage", and the
        # unpublish and delete dialogs' "referenced N times"); Wagtail's own signal handlers keep
        # it current when the curation or one of its entries is saved or deleted.
        from wagtail.models import ReferenceIndex

        from masthead.curation import invalidation
        from masthead.curation.models import Curation

        ReferenceIndex.register_model(Curation)
        invalidation.connect()
