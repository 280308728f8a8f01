"""Slugs that would collide with the site's routes, and redirects when a URL changes."""

import pytest
from django.core.exceptions import ValidationError

from masthead.core.models import RESERVED_SLUGS
from masthead.sections.models import SectionPage
from tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    administrator,
    publish,
    section_named,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["tags", "authors", "search", "api", "feed", "corrections"])
def test_a_section_cannot_take_a_slug_the_site_uses(home, slug):
    with pytest.raises(ValidationError) as error:
        SectionPageFactory(parent=home, title=slug.title(), slug=slug)
    message = " ".join(error.value.message_dict["slug"])
    assert f"“{slug}” is taken by the site's own pages" in message


@pytest.mark.parametrize("slug", ["feed", "admin", "static", "media"])
def test_a_story_cannot_take_a_slug_the_site_uses(slug):
    section = section_named("business")
    with pytest.raises(ValidationError, match="taken by the site's own pages"):
        ArticlePageFactory(parent=section, slug=slug)


def test_the_reserved_slugs_cover_the_routes():
    assert {"tags", "authors", "search", "api", "feed", "corrections", "admin"} <= RESERVED_SLUGS


def test_the_editor_shows_the_reserved_slug_message(client, home):
    administrator()
    client.login(username="admin", password="masthead-demo")
    response = client.post(
        f"/admin/pages/add/sections/sectionpage/{home.pk}/",
        {"title": "Tags", "slug": "tags", "description": "", "action-publish": "publish"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "is taken by the site&#x27;s own pages" in response.content.decode()
    assert not SectionPage.objects.filter(slug="tags").exists()


def test_changing_a_story_slug_redirects_the_old_url_permanently(
    client, django_capture_on_commit_callbacks
):
    section = section_named("business")
    story = publish(ArticlePageFactory(parent=section, slug="old-slug", title="Renamed story"))
    old_url = story.url
    story.slug = "new-slug"
    # Wagtail creates the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        publish(story)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/business/new-slug/")
    assert client.get(response["Location"]).status_code == 200


def test_moving_a_story_redirects_the_old_url_permanently(client):
    business = section_named("business")
    opinion = section_named("opinion")
    story = publish(ArticlePageFactory(parent=business, slug="moving-story"))
    story.move(opinion, pos="last-child")
    response = client.get("/business/moving-story/")
    assert response.status_code == 301
    assert response["Location"].endswith("/opinion/moving-story/")
