from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.curation.models import Curation
from tests.factories import ArticlePageFactory, section_named
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db


def banner(client, url="/"):
    found = parse(client.get(url)).xpath("//aside[@class='breaking-news']")
    return visible_text(found[0]) if found else None


def test_the_banner_shows_on_every_page_until_it_expires(client, site):
    story = ArticlePageFactory(parent=section_named("world"), title="Quake")
    other = ArticlePageFactory(parent=section_named("business"), tags=["Pakistan"], published=True)
    curation = Curation.for_site(site)
    curation.banner_text = "Earthquake strikes the coast"
    curation.banner_story = story
    curation.banner_expires_at = timezone.now() + timedelta(hours=1)
    curation.save()
    for url in ("/", "/business/", other.url, "/tags/pakistan/"):
        assert banner(client, url) == "Breaking Earthquake strikes the coast", url
    link = parse(client.get("/")).xpath("//aside[@class='breaking-news']//a/@href")
    assert link == [story.url]

    curation.banner_expires_at = timezone.now() - timedelta(seconds=1)
    curation.save()
    assert banner(client) is None


def test_no_banner_by_default(client):
    assert banner(client) is None


def test_a_banner_linking_to_a_pulled_story_keeps_its_text_but_not_the_link(client, site):
    story = ArticlePageFactory(parent=section_named("world"), title="Pulled")
    curation = Curation.for_site(site)
    curation.banner_text = "Developing story"
    curation.banner_story = story
    curation.save()
    story.unpublish()
    assert banner(client) == "Breaking Developing story"
    assert not parse(client.get("/")).xpath("//aside[@class='breaking-news']//a")
