"""People and organisations credited on stories, and the staff accounts behind them."""

import factory
from django.contrib.auth import get_user_model

from masthead.people.models import Person


class UserFactory(factory.django.DjangoModelFactory):
    """A staff account; `UserFactory(superuser=True)` for an administrator."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    username = factory.Sequence(lambda n: f"editor{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Sequence(lambda n: f"Editor{n}")
    last_name = "Tester"
    password = factory.django.Password("correct horse battery staple")


class PersonFactory(factory.django.DjangoModelFactory):
    """A contributor: a staff reporter or a guest (no account)."""

    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    kind = Person.Kind.PERSON
    job_title = ""
    bio = ""

    class Params:
        staff = factory.Trait(user=factory.SubFactory(UserFactory))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Every login already has its person (the newsroom makes one with the account): for a
        user, fill that one in rather than make a second."""
        user = kwargs.get("user")
        existing = model_class.objects.filter(user=user).first() if user is not None else None
        if existing is None:
            return super()._create(model_class, *args, **kwargs)
        for field, value in kwargs.items():
            setattr(existing, field, value)
        existing.save()
        return existing


class OrganisationFactory(PersonFactory):
    """An agency or a publication, credited as a story's source ("reports" + organisation)."""

    name = factory.Sequence(lambda n: f"News Agency {n}")
    slug = factory.Sequence(lambda n: f"news-agency-{n}")
    kind = Person.Kind.ORGANISATION
