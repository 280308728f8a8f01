"""Stories readers must not see yet: the demo's pipeline (a draft, one in review, one scheduled
and one embargoed a year ahead), made by the demo's own code in a section of the test's world."""

from masthead.articles.models import ArticlePage
from masthead.demo.pipeline import ensure_pipeline
from masthead.people.models import Person
from tests.factories.people import OrganisationFactory, PersonFactory
from tests.factories.sections import section_named
from tests.factories.staff import newsroom_staff


def person_named(slug: str, name: str, organisation: bool = False) -> Person:
    """The person (or organisation) `slug`, made on first use."""
    existing = Person.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    factory = OrganisationFactory if organisation else PersonFactory
    return factory(slug=slug, name=name)


def unpublished_pipeline(section=None) -> list[ArticlePage]:
    """The four "Unpublished ..." stories in `section` (World), by Amara Okafor for Asian Lite
    News, tagged Pakistan, moved along by the newsroom's reporter and editor."""
    section = section or section_named("world")
    newsroom_staff()
    people = {
        "amara-okafor": person_named("amara-okafor", "Amara Okafor"),
        "asian-lite-news": person_named("asian-lite-news", "Asian Lite News", organisation=True),
    }
    ensure_pipeline(section, people)
    return list(ArticlePage.objects.child_of(section).filter(title__startswith="Unpublished"))
