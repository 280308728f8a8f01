import pytest

from masthead.people.models import Person
from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    section_named,
)
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def amara(db):
    """A staff correspondent with a profile, credited on a story."""
    person = PersonFactory(
        name="Amara Okafor",
        slug="amara-okafor",
        job_title="Foreign correspondent",
        bio="Amara reports on South Asia and the Gulf for the foreign desk.",
        user=UserFactory(),
    )
    ArticlePageFactory(
        parent=section_named("top-news"),
        title="BNP seeks non-interference with India",
        slug="bnp-seeks-non-interference-with-india",
        bylines=[(person, "reporting")],
        published=True,
    )
    return person


@pytest.fixture
def agency(db):
    """A publication credited as the source of two stories."""
    source = OrganisationFactory(name="Asian Lite News", slug="asian-lite-news")
    for title in (
        "Pakistan Quietly Greenlights Security Pact with US",
        "No Military Fix for Ukraine War, Says Rubio",
    ):
        ArticlePageFactory(
            parent=section_named("top-news"),
            title=title,
            credit_organisation=source,
            published=True,
        )
    return source


def test_a_staff_author_page_shows_profile_and_stories(client, amara):
    page = parse(client.get("/authors/amara-okafor/"))
    assert visible_text(page.xpath("//h1")[0]) == "Amara Okafor"
    text = visible_text(page.xpath("//main")[0])
    assert "Foreign correspondent" in text
    assert "Amara reports on South Asia" in text
    assert "BNP seeks non-interference with India" in text


def test_an_agency_page_lists_the_stories_it_is_credited_on(client, agency):
    page = parse(client.get("/authors/asian-lite-news/"))
    headlines = [visible_text(h) for h in page.xpath("//main//ol//h3")]
    assert "Pakistan Quietly Greenlights Security Pact with US" in headlines
    assert "No Military Fix for Ukraine War, Says Rubio" in headlines
    assert "Organisation" in visible_text(page.xpath("//main")[0])


def test_a_guest_contributor_without_an_account_has_a_page(client):
    leila = PersonFactory(name="Leila Haddad", slug="leila-haddad")
    ArticlePageFactory(
        title="KOSOVO FLAREUP: Kurti’s Rift With The US Is Alarming",
        bylines=[leila],
        published=True,
    )
    guest = Person.objects.get(slug="leila-haddad")
    assert guest.user is None
    text = visible_text(parse(client.get("/authors/leila-haddad/")))
    assert "KOSOVO FLAREUP" in text


def test_bylines_and_credits_link_to_author_pages(client, amara, agency):
    story = parse(client.get("/top-news/bnp-seeks-non-interference-with-india/"))
    assert [
        (visible_text(a), a.get("href")) for a in story.xpath("//a[@class='byline__name']")
    ] == [("Amara Okafor", "/authors/amara-okafor/")]
    reference = parse(client.get(agency.credited_stories.first().url))
    assert reference.xpath("//span[@class='story__credit']/a/@href") == [
        "/authors/asian-lite-news/"
    ]


def test_a_draft_does_not_show_on_its_authors_page(client):
    author = PersonFactory(name="Nadia Draftwriter", slug="nadia")
    section = section_named("business")
    story = ArticlePageFactory(parent=section, title="Not yet public", live=False)
    story.bylines.create(person=author, role="author")
    response = client.get("/authors/nadia/")
    # Credited on nothing public: no public profile yet (tests/people/test_public_people.py).
    assert response.status_code == 404
    assert "Not yet public" not in response.content.decode()


def test_an_unknown_author_is_not_found(client):
    assert client.get("/authors/nobody/").status_code == 404
