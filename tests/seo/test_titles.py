"""Every reader page's <title> and meta description, word for word: one builder per page type
makes them in Python (masthead.seo), and they say what the page templates used to say."""

import pytest
from django.test import Client
from lxml import html

from masthead.articles.models import Correction
from masthead.core.models import SiteSettings
from masthead.people.models import Person
from masthead.reader import corrections, listings
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory, publish

pytestmark = pytest.mark.django_db

NAME = "The Title Test"


@pytest.fixture
def named(site):
    own = SiteSettings.for_site(site)
    own.name, own.tagline = NAME, "News that fits"
    own.save()
    return own


@pytest.fixture
def desk(home, named, monkeypatch):
    """A section with two stories, listed one a page, and a tag and an author on both."""
    monkeypatch.setattr(listings, "SECTION_PAGE_SIZE", 1)
    monkeypatch.setattr(listings, "TAG_PAGE_SIZE", 1)
    monkeypatch.setattr(listings, "AUTHOR_PAGE_SIZE", 1)
    monkeypatch.setattr(corrections, "CORRECTIONS_PAGE_SIZE", 1)
    section = SectionPageFactory(parent=home, title="Harbour", slug="harbour")
    writer = PersonFactory(name="Ada Quill", slug="ada-quill", bio="")
    for number in (1, 2):
        story = ArticlePageFactory(
            parent=section, title=f"Tide {number}", slug=f"tide-{number}", standfirst="High water"
        )
        story.tags.add("Boats")
        story.bylines.add(story.bylines.model(person=writer))
        story.corrections.add(Correction(text=f"Tide {number} was a day early."))
        publish(story)
    return section


def head(client, url, status=200) -> tuple[str, list[str]]:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    document = html.fromstring(response.content)
    return document.findtext(".//title"), document.xpath("//meta[@name='description']/@content")


def test_the_front_page_and_a_section_page(client, desk):
    assert head(client, "/") == (
        f"{NAME}: News that fits",
        ["News that fits"],
    )
    assert head(client, "/harbour/?page=2") == (
        f"Harbour (page 2) | {NAME}",
        [f"The latest Harbour stories from {NAME} (page 2)"],
    )
    desk.seo_title, desk.search_description = "Harbour news", "Ships in and out"
    publish(desk)
    assert head(client, "/harbour/") == (f"Harbour news | {NAME}", ["Ships in and out"])


def test_a_story_and_a_pulled_story(client, desk):
    assert head(client, "/harbour/tide-1/") == (f"Tide 1 | {NAME}", ["High water"])
    story = desk.get_children().get(slug="tide-2").specific
    story.seo_title, story.search_description = "Spring tide", "The highest of the year"
    publish(story)
    assert head(client, "/harbour/tide-2/") == (
        f"Spring tide | {NAME}",
        ["The highest of the year"],
    )
    story.unpublish()
    assert head(client, "/harbour/tide-2/", status=410) == (
        f"Story removed | {NAME}",
        ["This story is no longer available."],
    )


def test_a_tag_and_an_author(client, desk):
    assert head(client, "/tags/boats/?page=2") == (
        f"Boats (page 2) | {NAME}",
        [f"Stories about Boats from {NAME} (page 2)"],
    )
    assert head(client, "/authors/ada-quill/") == (
        f"Ada Quill | {NAME}",
        [f"Stories by Ada Quill in {NAME}"],
    )
    Person.objects.filter(slug="ada-quill").update(bio="Covers the port, " + "and " * 40)
    title, [description] = head(client, "/authors/ada-quill/?page=2")
    assert title == f"Ada Quill (page 2) | {NAME}"
    assert description.startswith("Covers the port, and") and description.endswith(" (page 2)")


def test_search_and_corrections(client, desk):
    assert head(client, "/search/") == (
        f"Search | {NAME}",
        [f"Search the stories published by {NAME}."],
    )
    assert head(client, "/search/?q=tide") == (
        f"Search results for “tide” | {NAME}",
        [f"Stories from {NAME} matching “tide”."],
    )
    assert head(client, "/corrections/?page=2") == (
        f"Corrections and updates (page 2) | {NAME}",
        [
            f"Every correction, clarification and update {NAME} has made to its stories, "
            "newest first (page 2)."
        ],
    )


def test_the_notices(client, named):
    assert head(client, "/no-such-page/", status=404) == (
        f"Page not found | {NAME}",
        ["The page you asked for is not here."],
    )
    csrf = Client(enforce_csrf_checks=True)
    response = csrf.post("/admin/login/", {"username": "x", "password": "y"})
    document = html.fromstring(response.content)
    assert response.status_code == 403
    assert document.findtext(".//title") == f"Form expired | {NAME}"
    assert document.xpath("//meta[@name='description']") == []
