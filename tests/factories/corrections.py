"""Notes on the record of a published story: corrections, clarifications, updates."""

import factory

from masthead.articles.models import Correction
from tests.factories.articles import ArticlePageFactory


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    page = factory.SubFactory(ArticlePageFactory, published=True)
    kind = Correction.Kind.CORRECTION
    text = factory.Sequence(lambda n: f"An earlier version of this story misstated figure {n}.")
    sort_order = factory.Sequence(int)
