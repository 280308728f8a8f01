"""Sections, which may nest: a section factory makes its parent chain down from the front page."""

import factory
import wagtail_factories

from masthead.sections.models import SectionPage
from tests.factories.publishing import publish
from tests.factories.sites import default_home


class SectionPageFactory(wagtail_factories.PageFactory):
    """A section under the default front page, or under `parent` (a front page or a section).

    `SectionPageFactory(published=True)` publishes it as a revision, as an editor does;
    otherwise it is live without a revision, as Wagtail's `add_child` leaves it.
    """

    class Meta:
        model = SectionPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    description = ""
    parent = factory.LazyFunction(default_home)

    @factory.post_generation
    def published(page, create, extracted, **kwargs):
        if create and extracted:
            publish(page)


def nested_sections(*titles, parent=None) -> list[SectionPage]:
    """A chain of published sections, each inside the one before: ("World", "Asia")."""
    chain = []
    for title in titles:
        parent = SectionPageFactory(
            title=title,
            slug=title.lower().replace(" ", "-"),
            parent=parent or default_home(),
            published=True,
        )
        chain.append(parent)
    return chain


def section_named(slug: str, title: str | None = None, parent=None) -> SectionPage:
    """The published section `slug` under `parent` (the default front page), made on first use:
    `section_named("world")` is "World" at /world/;
    `section_named("asia", parent=section_named("world"))` is /world/asia/."""
    parent = parent or default_home()
    existing = SectionPage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    title = title or slug.replace("-", " ").title()
    return SectionPageFactory(title=title, slug=slug, parent=parent, published=True)
