"""Stories with their parent chain, bylines, tags, lead image and body blocks.

`ArticlePageFactory()` makes a story in a new section of the default front page; pass `parent`
to put it in a section you made. Declarations that make related rows take effect before
`published=True` publishes the story, so the published revision holds them:

    ArticlePageFactory(bylines=[reporter], tags=["Pakistan"], with_lead_image=True, published=True)
"""

import itertools
from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.html import escape

from masthead.articles.models import ArticleByline, ArticlePage
from tests.factories.images import ImageFactory
from tests.factories.people import OrganisationFactory, PersonFactory
from tests.factories.publishing import publish
from tests.factories.sections import SectionPageFactory

_clock = itertools.count()


def paragraph(text: str) -> tuple:
    return ("paragraph", f"<p>{escape(text)}</p>")


def heading(text: str) -> tuple:
    return ("heading", text)


def quote(text: str, speaker: str, verb: str = "said", description: str = "") -> tuple:
    value = {"text": text, "verb": verb, "speaker": speaker, "speaker_description": description}
    return ("quote", value)


def also_read(story, label: str = "Also read") -> tuple:
    return ("also_read", {"story": story, "label": label})


def figure(image, alt_text: str = "A photograph", caption: str = "", credit: str = "") -> tuple:
    value = {"image": image, "alt_text": alt_text, "caption": caption, "credit": credit}
    return ("image", value)


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    class Params:
        with_lead_image = factory.Trait(
            lead_image=factory.SubFactory(ImageFactory),
            lead_image_alt="A harbour at dawn",
            lead_image_caption="The harbour at dawn.",
            lead_image_credit="Photo: Test Desk",
        )
        with_credit = factory.Trait(credit_organisation=factory.SubFactory(OrganisationFactory))

    parent = factory.SubFactory(SectionPageFactory)
    title = factory.Sequence(lambda n: f"Story number {n}")
    slug = factory.Sequence(lambda n: f"story-{n}")
    standfirst = factory.Sequence(lambda n: f"The standfirst of story {n} tells what happened")
    body = [("paragraph", "<p>The first paragraph of the story, with a few words.</p>")]
    published_at = factory.LazyFunction(
        lambda: timezone.now() - timedelta(days=400) + timedelta(minutes=next(_clock))
    )

    @factory.post_generation
    def bylines(page, create, extracted, **kwargs):
        """`bylines=[person, (person, role), ...]`, in order."""
        for position, entry in enumerate(extracted or ()):
            person, role = entry if isinstance(entry, tuple) else (entry, "author")
            ArticleByline.objects.create(page=page, person=person, role=role, sort_order=position)
        if extracted:
            page.save()  # as a publish does after its bylines: the archive's totals follow

    @factory.post_generation
    def tags(page, create, extracted, **kwargs):
        """`tags=["Pakistan", "Economy"]`."""
        if extracted:
            page.tags.add(*extracted)
            page.save()

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        """`published=True`: publish the story as a revision once everything above is on it."""
        if create and extracted:
            publish(page)


class ArticleBylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleByline

    page = factory.SubFactory(ArticlePageFactory)
    person = factory.SubFactory(PersonFactory)
    role = ArticleByline.Role.AUTHOR
    sort_order = 0


def stories_in(section, count: int, **fields) -> list[ArticlePage]:
    """`count` published stories in `section`, oldest first, one minute apart."""
    return [ArticlePageFactory(parent=section, published=True, **fields) for _ in range(count)]
