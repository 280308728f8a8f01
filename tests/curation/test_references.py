"""Pins, Don't Miss picks and the breaking-news banner count in Wagtail's reference index, so the
unpublish dialog tells editors that a story is still picked."""

import importlib
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from masthead.articles.models import ArticlePage
from masthead.curation.models import Curation, FrontPagePin
from masthead.publishing import roles
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    DontMissPickFactory,
    staff_member,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("picks")]

index_migration = importlib.import_module(
    "masthead.curation.migrations.0004_index_curation_references"
)


@pytest.fixture
def picks(db) -> list[ArticlePage]:
    """The site's two Don't Miss picks."""
    return [DontMissPickFactory(sort_order=n).story for n in range(2)]


def reference_story() -> ArticlePage:
    """A published story that nothing picks."""
    return ArticlePageFactory(published=True)


def references_from_curation(story) -> list[str]:
    return sorted(
        ReferenceIndex.get_references_to(story)
        .filter(base_content_type=ContentType.objects.get_for_model(Curation))
        .values_list("model_path", flat=True)
    )


def unpublish_dialog(client, story) -> str:
    staff_member("chief", roles.CHIEF_EDITOR)
    assert client.login(username="chief", password=STAFF_PASSWORD)
    response = client.get(f"/admin/pages/{story.pk}/unpublish/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_the_reference_story_picks_are_in_the_index(site):
    # The reference page's Don't Miss box shows the site's picks: each is indexed as such.
    picks = list(ArticlePage.objects.filter(dont_miss_entries__curation__site=site))
    assert len(picks) == 2
    for story in picks:
        assert references_from_curation(story) == ["dont_miss_picks.item.story"], story


def test_the_unpublish_dialog_names_the_pick(client, site):
    pick = ArticlePage.objects.get(
        dont_miss_entries__sort_order=0, dont_miss_entries__curation__site=site
    )
    dialog = unpublish_dialog(client, pick)
    # Before the curation was indexed: "This story is referenced 0 times."
    assert re.search(r"This story is referenced 1 time\.", dialog), dialog[-1500:]
    usage = client.get(f"/admin/pages/{pick.pk}/usage/").content.decode()
    assert "curation" in usage.lower()


def test_the_index_follows_pins_and_the_banner(site):
    story = reference_story()
    assert references_from_curation(story) == []
    curation = Curation.objects.get(site=site)
    pin = FrontPagePin.objects.create(curation=curation, story=story, slot="top", sort_order=99)
    curation.banner_text = "Breaking: pact signed"
    curation.banner_story = story
    curation.save()
    assert references_from_curation(story) == ["banner_story", "front_page_pins.item.story"]
    pin.delete()
    curation.banner_story = None
    curation.save()
    assert references_from_curation(story) == []


def test_existing_curations_are_indexed_by_the_migration(site):
    pick = ArticlePage.objects.filter(dont_miss_entries__curation__site=site).first()
    ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Curation)
    ).delete()
    assert references_from_curation(pick) == []
    index_migration.index_curations(None, None)
    assert references_from_curation(pick) == ["dont_miss_picks.item.story"]
