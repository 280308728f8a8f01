from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.signals import page_published

from masthead.articles.models import ArticlePage
from masthead.core.dates import in_newsroom
from masthead.curation.models import DontMissPick
from masthead.demo import content
from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME, DemoLoader
from masthead.people.models import Person
from tests.conftest import REFERENCE_URL
from tests.feeds.conftest import NS, fetch, xml

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_newsroom")]

LIVE = content.LIVE_STORY


def live_story() -> ArticlePage:
    return ArticlePage.objects.get(slug=LIVE["slug"])


def news_sitemap(client) -> list[tuple[str, str]]:
    """(location, publication date) of each story in the news sitemap, in order."""
    document = xml(fetch(client, "/news-sitemap.xml"))
    return [
        (
            url.findtext("sm:loc", namespaces=NS),
            url.findtext("news:news/news:publication_date", namespaces=NS),
        )
        for url in document.xpath("//sm:url", namespaces=NS)
    ]


def sitemap_date(story) -> str:
    return in_newsroom(story.published_at).isoformat("T", "seconds")


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
    assert lines == [
        f"Published “{LIVE['headline']}” again, dated now.",
        "Demo loaded: 0 new items.",
    ]


def test_the_news_sitemap_of_a_fresh_demo_lists_its_live_story(client):
    story = live_story()
    assert story.live and timezone.now() - story.published_at < timedelta(days=2)
    assert news_sitemap(client) == [(settings.MASTHEAD_BASE_URL + story.url, sitemap_date(story))]


def test_the_live_story_stays_off_the_reference_page():
    story = live_story()
    assert story.url == f"/{LIVE['section']}/{LIVE['slug']}/"
    assert not story.get_ancestors().filter(slug="top-news").exists()
    assert not DontMissPick.objects.filter(story=story).exists()


def test_each_load_publishes_the_live_story_again_dated_now_without_duplicating_it(client):
    story = live_story()
    url, revisions = story.url, story.revisions.count()
    # Dated an hour ago, behind Wagtail's back; the news sitemap (and any cache) shows that date.
    ArticlePage.objects.filter(pk=story.pk).update(published_at=timezone.now() - timedelta(hours=1))
    story.refresh_from_db()
    assert news_sitemap(client) == [(settings.MASTHEAD_BASE_URL + url, sitemap_date(story))]
    published = []

    def on_publish(sender, instance, **kwargs):
        published.append(instance.pk)

    page_published.connect(on_publish, sender=ArticlePage)
    try:
        before = timezone.now()
        DemoLoader(log=lambda line: None).load()
        DemoLoader(log=lambda line: None).load()
        after = timezone.now()
    finally:
        page_published.disconnect(on_publish, sender=ArticlePage)
    assert ArticlePage.objects.filter(slug=LIVE["slug"]).count() == 1
    story.refresh_from_db()
    assert before <= story.published_at <= after
    assert story.url == url and story.title == LIVE["headline"]
    assert story.live and not story.has_unpublished_changes
    assert story.revisions.count() == revisions + 2
    assert story.live_revision_id == story.latest_revision_id
    assert published == [story.pk, story.pk]
    assert story.modified_at == story.published_at  # a minor edit: the text has not changed
    assert news_sitemap(client) == [(settings.MASTHEAD_BASE_URL + url, sitemap_date(story))]


def test_loading_the_demo_leaves_the_live_story_to_an_editor_with_a_draft():
    story = live_story()
    published_at, revisions = story.published_at, story.revisions.count()
    story.title = "World briefing: the flood gates hold"
    story.save_revision()
    lines = []
    DemoLoader(log=lines.append).load()
    story.refresh_from_db()
    assert lines == ["Demo loaded: 0 new items."]
    assert story.published_at == published_at and story.title == LIVE["headline"]
    assert story.has_unpublished_changes and story.revisions.count() == revisions + 1
    assert story.get_latest_revision_as_object().title == "World briefing: the flood gates hold"


def test_loading_the_demo_does_not_publish_the_live_story_again_once_it_is_unpublished():
    story = live_story()
    story.unpublish()
    DemoLoader(log=lambda line: None).load()
    story.refresh_from_db()
    assert not story.live
    assert ArticlePage.objects.filter(slug=LIVE["slug"]).count() == 1


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
