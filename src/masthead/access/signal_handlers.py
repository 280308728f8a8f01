"""Page passwords are hashed before they are stored. (Collection passwords are not: Wagtail's
document views compare them as typed, and Masthead does not replace those views yet.)"""

from django.db.models.signals import pre_save
from wagtail.models import PageViewRestriction

from masthead.access.passwords import hashed


def hash_restriction_password(sender, instance, **kwargs) -> None:
    instance.password = hashed(instance.password)


def connect() -> None:
    pre_save.connect(
        hash_restriction_password,
        sender=PageViewRestriction,
        dispatch_uid="masthead.access.hash_page_password",
    )
