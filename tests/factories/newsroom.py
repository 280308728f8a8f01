"""A small newsroom for the tests that read every kind of reader page at once (site identity,
feed autodiscovery): each kind of page exists once, with the addresses the demo uses, and no
more stories than the pages need."""

from dataclasses import dataclass

from masthead.reader.listings import SECTION_PAGE_SIZE
from tests.factories.articles import ArticlePageFactory, stories_in
from tests.factories.people import OrganisationFactory, PersonFactory
from tests.factories.sections import section_named


@dataclass
class Newsroom:
    story: object  # in Top News, tagged Pakistan, by Amara Okafor, credited to an organisation
    business: object  # two pages of stories, by Tom Becker
    asia: object  # World > Asia, one story

    @property
    def story_url(self) -> str:
        return self.story.url


def small_newsroom() -> Newsroom:
    """/top-news/ (one story), /world/asia/ (one), /business/ (two pages), /tags/pakistan/,
    /authors/amara-okafor/ and /authors/tom-becker/."""
    amara = PersonFactory(name="Amara Okafor", slug="amara-okafor")
    tom = PersonFactory(name="Tom Becker", slug="tom-becker")
    source = OrganisationFactory(name="Asian Lite News", slug="asian-lite-news")
    story = ArticlePageFactory(
        parent=section_named("top-news"),
        title="Pakistan quietly greenlights security pact with US",
        slug="pakistan-quietly-greenlights-security-pact-with-us",
        credit_organisation=source,
        bylines=[(amara, "reporting")],
        tags=["Pakistan"],
        published=True,
    )
    asia = section_named("asia", parent=section_named("world"))
    ArticlePageFactory(parent=asia, bylines=[amara], published=True)
    business = section_named("business")
    stories_in(business, SECTION_PAGE_SIZE + 1, bylines=[tom])
    return Newsroom(story=story, business=business, asia=asia)
