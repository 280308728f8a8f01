"""A tag whose name leaves nothing to slugify ("🙂", "#", "—") still gets an address, and no
reader surface fails on one whose stored slug is empty (before the repair migration ran)."""

import importlib

import pytest
from django.apps import apps
from taggit.models import Tag

from tests.factories import ArticlePageFactory, publish, section_named
from tests.pages import parse

pytestmark = pytest.mark.django_db

SYMBOLS = ["🙂", "#", "—"]


@pytest.fixture
def story():
    section = section_named("business")
    return publish(ArticlePageFactory(parent=section, title="A story with odd tags"))


def tag_story(story, *names):
    story.tags.add(*names)
    publish(story)
    return [Tag.objects.get(name=name) for name in names]


def test_symbol_tags_get_usable_slugs_and_every_surface_links_them(client, story):
    tags = tag_story(story, *SYMBOLS)
    slugs = [tag.slug for tag in tags]
    assert all(slugs) and len(set(slugs)) == 3, slugs
    assert slugs[0] == "slight-smile"
    page = parse(client.get(story.url))
    links = page.xpath("//a[@rel='tag']/@href")
    for slug in slugs:
        assert f"/tags/{slug}/" in links
        for url in (f"/tags/{slug}/", f"/tags/{slug}/feed/"):
            assert client.get(url).status_code == 200, url
    sitemap = client.get("/sitemap-tags.xml")
    assert sitemap.status_code == 200
    api = client.get("/api/tags/?limit=100")
    assert api.status_code == 200
    urls = {item["slug"]: item["url"] for item in api.json()["items"]}
    for slug in slugs:
        assert f"/tags/{slug}/" in sitemap.content.decode()
        assert urls[slug].endswith(f"/tags/{slug}/")


def test_a_second_tag_of_symbols_gets_a_slug_of_its_own(story):
    first, second = tag_story(story, "#", "##")
    assert first.slug == "tag"
    assert second.slug == "tag-2"


def test_the_migration_repairs_empty_slugs_stored_before_it(client, story):
    tag, _ = tag_story(story, "—", "Pakistan")  # the sitemap lists the usable one
    Tag.objects.filter(pk=tag.pk).update(slug="")  # as taggit stored it before the fix
    assert client.get(story.url).status_code == 200  # skipped, never a 500 meanwhile
    assert client.get("/sitemap-tags.xml").status_code == 200
    assert client.get("/api/tags/").status_code == 200
    migration = importlib.import_module("masthead.articles.migrations.0006_usable_tag_slugs")
    migration.repair_tag_slugs(apps, None)
    tag.refresh_from_db()
    assert tag.slug == "tag"
    assert f"/tags/{tag.slug}/" in parse(client.get(story.url)).xpath("//a[@rel='tag']/@href")
