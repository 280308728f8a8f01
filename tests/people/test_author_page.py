import pytest

from masthead.people.models import Person
from masthead.sections.models import SectionPage
from tests.factories import ArticlePageFactory, PersonFactory
from tests.pages import parse, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_newsroom")]


def test_a_staff_author_page_shows_profile_and_stories(client):
    page = parse(client.get("/authors/amara-okafor/"))
    assert visible_text(page.xpath("//h1")[0]) == "Amara Okafor"
    text = visible_text(page.xpath("//main")[0])
    assert "Foreign correspondent" in text
    assert "Amara reports on South Asia" in text
    assert "BNP seeks non-interference with India" in text


def test_an_agency_page_lists_the_stories_it_is_credited_on(client):
    page = parse(client.get("/authors/asian-lite-news/"))
    headlines = [visible_text(h) for h in page.xpath("//main//ol//h3")]
    assert "Pakistan Quietly Greenlights Security Pact with US" in headlines
    assert "No Military Fix for Ukraine War, Says Rubio" in headlines
    assert "Organisation" in visible_text(page.xpath("//main")[0])


def test_a_guest_contributor_without_an_account_has_a_page(client):
    guest = Person.objects.get(slug="leila-haddad")
    assert guest.user is None
    text = visible_text(parse(client.get("/authors/leila-haddad/")))
    assert "KOSOVO FLAREUP" in text


def test_bylines_and_credits_link_to_author_pages(client):
    story = parse(client.get("/top-news/bnp-seeks-non-interference-with-india/"))
    assert [
        (visible_text(a), a.get("href")) for a in story.xpath("//a[@class='byline__name']")
    ] == [("Amara Okafor", "/authors/amara-okafor/")]
    reference = parse(client.get("/top-news/pakistan-quietly-greenlights-security-pact-with-us/"))
    assert reference.xpath("//span[@class='story__credit']/a/@href") == [
        "/authors/asian-lite-news/"
    ]


def test_a_draft_does_not_show_on_its_authors_page(client):
    author = PersonFactory(name="Nadia Draftwriter", slug="nadia")
    section = SectionPage.objects.get(slug="business")
    story = ArticlePageFactory(parent=section, title="Not yet public", live=False)
    story.bylines.create(person=author, role="author")
    response = client.get("/authors/nadia/")
    # Credited on nothing public: no public profile yet (tests/people/test_public_people.py).
    assert response.status_code == 404
    assert "Not yet public" not in response.content.decode()


def test_an_unknown_author_is_not_found(client):
    assert client.get("/authors/nobody/").status_code == 404
