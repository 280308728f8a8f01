"""Pages readers may not see: behind a password, a login, or for some groups only."""

import factory
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories.articles import ArticlePageFactory


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Group {n}")


class PageViewRestrictionFactory(factory.django.DjangoModelFactory):
    """A login restriction by default; traits `password=...` is the field itself, and
    `private=True` restricts the page to one new group (Wagtail's "groups" restriction)."""

    class Meta:
        model = PageViewRestriction
        skip_postgeneration_save = True

    class Params:
        private = factory.Trait(restriction_type=PageViewRestriction.GROUPS)

    page = factory.SubFactory(ArticlePageFactory, published=True)
    restriction_type = factory.LazyAttribute(
        lambda o: PageViewRestriction.PASSWORD if o.password else PageViewRestriction.LOGIN
    )
    password = ""

    @factory.post_generation
    def groups(restriction, create, extracted, **kwargs):
        if not create or restriction.restriction_type != PageViewRestriction.GROUPS:
            return
        restriction.groups.set(extracted or [GroupFactory()])
