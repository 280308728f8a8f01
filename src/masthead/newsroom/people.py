"""Every login is a person the newsroom can byline: created with the account, named after it."""

from django.contrib.auth import get_user_model

from masthead.people.models import Person
from masthead.people.slugs import unique_slug


def display_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def person_for(user) -> Person:
    """The user's person (their byline), made from the account if they have none yet."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        name = display_name(user)
        person = Person.objects.create(
            name=name, slug=unique_slug(name), kind=Person.Kind.PERSON, user=user
        )
    return person


def link_every_login() -> int:
    """Give each account without a person one; returns how many were made."""
    missing = get_user_model().objects.filter(person__isnull=True)
    return sum(1 for user in missing if person_for(user))
