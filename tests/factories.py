"""Factories for the content model, on wagtail-factories and factory_boy."""

import itertools
from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.people.models import Person
from masthead.sections.models import SectionPage

_clock = itertools.count()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    standfirst = factory.Sequence(lambda n: f"The standfirst of story {n} tells what happened")
    body = [("paragraph", "<p>The first paragraph of the story, with a few words.</p>")]
    published_at = factory.LazyFunction(
        lambda: timezone.now() - timedelta(days=400) + timedelta(minutes=next(_clock))
    )


def publish(page):
    """Publish the page's current state as a revision, as an editor's Publish button does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page
