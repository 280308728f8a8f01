"""Reader URLs reach the same pages as Wagtail's level-by-level routing, in fewer queries: live
pages only, view restrictions kept, the request's site chosen as Wagtail chooses it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from masthead.sections.site import site_for_host
from tests.factories import ArticlePageFactory, SectionPageFactory, publish
from tests.pages import main_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(home):
    return SectionPageFactory(parent=home, title="Harbour desk", slug="harbour")


def test_a_story_in_a_nested_section_is_served(client, desk):
    inner = SectionPageFactory(parent=desk, title="Ferries", slug="ferries")
    story = ArticlePageFactory(parent=inner, title="Ferry timetable changes", slug="timetable")
    assert client.get("/harbour/ferries/").status_code == 200
    assert "Ferry timetable changes" in main_text(client.get("/harbour/ferries/timetable/"))
    assert story.url == "/harbour/ferries/timetable/"


@pytest.mark.parametrize(
    "path", ["/harbour/nowhere/", "/harbour/a-story/extra/", "/nowhere/a-story/", "/harbour/a"]
)
def test_a_path_without_a_live_page_is_not_found(client, desk, path):
    ArticlePageFactory(parent=desk, slug="a-story")
    assert client.get(path, follow=True).status_code == 404


def test_a_story_is_found_by_its_whole_path_not_its_slug_alone(client, home, desk):
    other = SectionPageFactory(parent=home, title="Other desk", slug="other-desk")
    ArticlePageFactory(parent=desk, title="The harbour one", slug="same-slug")
    ArticlePageFactory(parent=other, title="The other one", slug="same-slug")
    assert "The harbour one" in main_text(client.get("/harbour/same-slug/"))
    assert "The other one" in main_text(client.get("/other-desk/same-slug/"))


def test_an_unpublished_section_is_not_found_but_its_live_stories_are(client, desk):
    """As in Wagtail: only the page at the address must be live, not the pages above it."""
    ArticlePageFactory(parent=desk, title="Still live", slug="still-live")
    assert client.get("/harbour/").status_code == 200
    desk.unpublish()
    assert client.get("/harbour/").status_code == 404
    assert "Still live" in main_text(client.get("/harbour/still-live/"))


def test_a_section_published_again_is_served_again(client, desk):
    desk.unpublish()
    assert client.get("/harbour/").status_code == 404
    publish(desk)
    assert client.get("/harbour/").status_code == 200


def test_a_renamed_section_shows_its_new_content(client, desk):
    assert client.get("/harbour/").status_code == 200
    desk.description = "Ships, ferries and the port."
    publish(desk)
    assert "Ships, ferries and the port." in main_text(client.get("/harbour/"))


@pytest.mark.parametrize("restricted", ["section", "story"])
def test_a_restriction_added_after_a_visit_applies_at_once(client, desk, restricted):
    story = ArticlePageFactory(parent=desk, title="Harbour secrets", slug="secrets")
    assert "Harbour secrets" in main_text(client.get(story.url))
    page = desk if restricted == "section" else story
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(story.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]


def test_a_password_restricted_story_asks_for_the_password(client, desk):
    story = ArticlePageFactory(parent=desk, title="Harbour secrets", slug="secrets")
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type="password", password="swordfish"
    )
    response = client.get(story.url)
    assert response.status_code == 200
    assert b"Harbour secrets" not in response.content
    action = f"/_util/authenticate_with_password/{restriction.pk}/{story.pk}/"
    assert action.encode() in response.content
    client.post(action, {"password": "swordfish", "return_url": story.url})
    assert "Harbour secrets" in main_text(client.get(story.url))


def test_a_story_is_routed_to_in_one_query(client, desk):
    story = ArticlePageFactory(parent=desk, slug="routed")
    client.get(story.url)  # the per-process copies (site, sections, restrictions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(story.url)
    assert response.status_code == 200
    routing = [q["sql"] for q in captured.captured_queries if "wagtailcore_page" in q["sql"]]
    assert "url_path" in routing[0]
    assert not any('"wagtailcore_site"' in q["sql"] for q in captured.captured_queries)


@pytest.mark.parametrize(
    ("hostname", "port"),
    [
        ("news.example", 80),
        ("news.example", 8080),
        ("news.example", 9999),
        ("other.example", 80),
        ("twin.example", 80),
        ("twin.example", 81),
        ("twin.example", 82),
        ("unknown.example", 80),
    ],
)
def test_the_site_is_chosen_as_wagtail_chooses_it(home, hostname, port):
    Site.objects.create(hostname="news.example", port=8080, root_page=home)
    Site.objects.create(hostname="other.example", port=80, root_page=home)
    Site.objects.create(hostname="twin.example", port=80, root_page=home)
    Site.objects.create(hostname="twin.example", port=81, root_page=home)
    try:
        expected = get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        expected = None
    chosen = site_for_host(hostname, str(port))
    assert (chosen.pk if chosen else None) == expected
