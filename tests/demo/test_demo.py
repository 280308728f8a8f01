import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from masthead.articles.models import ArticlePage
from masthead.curation.models import DontMissPick
from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME, DemoLoader
from masthead.people.models import Person
from tests.conftest import REFERENCE_URL

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        ArticlePage.objects.count(),
        Person.objects.count(),
        DontMissPick.objects.count(),
        get_user_model().objects.count(),
    )


def test_loading_the_demo_again_adds_nothing():
    before = counts()
    lines = []
    DemoLoader(log=lines.append).load()
    assert counts() == before
    assert lines == ["Demo loaded: 0 new items."]


def test_loading_the_demo_keeps_an_editors_changes(client):
    story = ArticlePage.objects.get(url_path__endswith="/inflation-jumps-to-28-in-pakistan/")
    story.title = "Inflation reaches 28 per cent in Pakistan"
    story.save_revision().publish()
    DemoLoader(log=lambda line: None).load()
    story.refresh_from_db()
    assert story.title == "Inflation reaches 28 per cent in Pakistan"


def test_every_demo_story_is_live_with_a_live_revision_and_search_entry():
    from wagtail.search.backends import get_search_backend

    stories = ArticlePage.objects.exclude(title__startswith="Unpublished")
    assert stories.count() >= 12
    for story in stories:
        assert story.live and story.live_revision_id, story
        assert story.published_at is not None, story
    results = get_search_backend().search("Security Pact", ArticlePage)
    assert [page.title for page in results][:1] == [
        "Pakistan Quietly Greenlights Security Pact with US"
    ]


def test_the_site_answers_on_the_base_url(settings):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.MASTHEAD_BASE_URL
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    assert story.get_full_url() == settings.MASTHEAD_BASE_URL + REFERENCE_URL


def test_the_demo_admin_can_log_in_to_the_editor(client):
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert b"Pakistan Quietly Greenlights" in client.get("/admin/pages/search/?q=Pakistan").content


def test_the_front_page_lists_sections_and_latest_stories(client):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    for section in ("Top News", "World", "Business", "Opinion"):
        assert f">{section}</a>" in text
    assert "54 killed in overnight airstrikes in Gaza" in text
