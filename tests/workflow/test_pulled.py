import pytest
from lxml import html as lxml_html

from tests.factories import ArticlePageFactory, publish, section_named
from tests.factories.pages import standard_page
from tests.pages import visible_text

pytestmark = pytest.mark.django_db


def test_a_pulled_story_answers_410_gone(client):
    story = publish(ArticlePageFactory(parent=section_named("world")))
    url = story.url
    assert client.get(url).status_code == 200
    story.unpublish()
    response = client.get(url)
    assert response.status_code == 410
    assert b"This story has been removed" in response.content


def test_a_story_never_published_is_simply_not_found(client):
    story = ArticlePageFactory(parent=section_named("world"), live=False)
    assert client.get(f"/world/{story.slug}/").status_code == 404


def test_an_address_that_never_existed_is_not_found(client):
    response = client.get("/world/never-was/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_a_pulled_standard_page_says_the_page_was_removed_not_a_story(client):
    about = standard_page(title="About us", slug="about")
    assert client.get("/about/").status_code == 200
    about.unpublish()
    response = client.get("/about/")
    assert response.status_code == 410
    page = lxml_html.fromstring(response.content.decode())
    assert visible_text(page.xpath("//h1")[0]) == "This page has been removed"
    assert "story" not in visible_text(page.xpath("//main")[0]).lower()
    assert page.findtext(".//title").startswith("Page removed")


def test_the_404_page_offers_search_and_the_sections(client):
    section_named("world")
    section_named("business")
    response = client.get("/no-such-story/")
    assert response.status_code == 404
    page = lxml_html.fromstring(response.content.decode())
    main = page.xpath("//main")[0]
    (form,) = main.xpath(".//form[@role='search']")
    assert form.get("action") == "/search/" and form.xpath(".//input[@name='q']")
    sections = {visible_text(a): a.get("href") for a in main.xpath(".//nav//a")}
    assert sections["World"] == "/world/" and sections["Business"] == "/business/"
