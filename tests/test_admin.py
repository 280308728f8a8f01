"""The editor's screens for Masthead's content open and save."""

import pytest
from wagtail.models import Site

from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.factories import (
    ArticlePageFactory,
    DontMissPickFactory,
    OrganisationFactory,
    administrator,
    section_named,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    administrator()
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    return client


def test_the_story_editor_shows_the_newsroom_fields(editor):
    source = OrganisationFactory(name="Asian Lite News")
    story = ArticlePageFactory(credit_organisation=source, published=True)
    response = editor.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Headline", "Standfirst", "Source credit", "Byline", "Lead image", "Body"):
        assert label in html, label
    assert "Asian Lite News" in html


def test_an_editor_can_add_a_story_to_a_section(editor):
    section = section_named("business")
    response = editor.get(f"/admin/pages/add/articles/articlepage/{section.pk}/")
    assert response.status_code == 200
    assert b"Standfirst" in response.content


def test_the_curation_screen_lists_the_dont_miss_picks(editor):
    DontMissPickFactory(story__title="KOSOVO FLAREUP: Kurti’s rift with the US is alarming")
    site = Site.objects.get(is_default_site=True)
    response = editor.get(f"/admin/settings/curation/curation/{site.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Don&#x27;t Miss" in html or "Don't Miss" in html
    assert "KOSOVO FLAREUP" in html


def test_people_are_managed_in_the_editor(editor):
    OrganisationFactory(name="Asian Lite News")
    response = editor.get("/admin/snippets/people/person/")
    assert response.status_code == 200
    assert b"Asian Lite News" in response.content
