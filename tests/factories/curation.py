"""What editors pick by hand: Don't Miss, front-page pins and the breaking-news banner."""

import factory

from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from tests.factories.articles import ArticlePageFactory
from tests.factories.sites import default_site


class CurationFactory(factory.django.DjangoModelFactory):
    """The site's curation screen (one per site)."""

    class Meta:
        model = Curation
        django_get_or_create = ("site",)

    site = factory.LazyFunction(default_site)


class DontMissPickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DontMissPick

    curation = factory.SubFactory(CurationFactory)
    story = factory.SubFactory(ArticlePageFactory, published=True)
    sort_order = factory.Sequence(int)
    expires_at = None


class FrontPagePinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrontPagePin

    curation = factory.SubFactory(CurationFactory)
    story = factory.SubFactory(ArticlePageFactory, published=True)
    slot = FrontPagePin.Slot.TOP
    sort_order = factory.Sequence(int)
    expires_at = None


def breaking_banner(text: str, story=None, expires_at=None, site=None) -> Curation:
    """Raise the breaking-news banner on the site (the default one unless given)."""
    curation = CurationFactory(site=site or default_site())
    curation.banner_text = text
    curation.banner_story = story
    curation.banner_expires_at = expires_at
    curation.save()
    return curation
