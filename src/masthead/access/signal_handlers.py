"""Page and collection passwords are hashed before they are stored."""

from django.db.models.signals import pre_save
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from masthead.access.passwords import hashed


def hash_restriction_password(sender, instance, **kwargs) -> None:
    instance.password = hashed(instance.password)


def connect() -> None:
    for model in (PageViewRestriction, CollectionViewRestriction):
        pre_save.connect(
            hash_restriction_password,
            sender=model,
            dispatch_uid=f"masthead.access.hash_password.{model.__name__}",
        )
