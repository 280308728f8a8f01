"""A public story given a new date moves in its section's order at once, whichever way the date
changes: previous and next follow on both sides of where it was and where it is."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.articles.neighbours import pager
from masthead.publishing import scheduling
from tests.articles.test_discovery import pager as pager_on_page
from tests.articles.test_discovery import story
from tests.factories import SectionPageFactory, publish
from tests.publishing.stories import make_overdue, schedule

pytestmark = pytest.mark.django_db

BASE = timezone.now() - timedelta(days=30)


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Sport", slug="sport")


@pytest.fixture
def four(section):
    return [story(section, hours, title=f"Story {hours}") for hours in (1, 2, 3, 4)]


def titles(story, section) -> tuple:
    story = ArticlePage.objects.get(pk=story.pk)
    return tuple(found.title if found else None for found in pager(story, section))


def assert_second_moved_last(four, section):
    first, second, third, fourth = four
    assert titles(first, section) == (None, "Story 3")
    assert titles(third, section) == ("Story 1", "Story 4")
    assert titles(fourth, section) == ("Story 3", "Story 2")
    assert titles(second, section) == ("Story 4", None)


def test_a_new_date_published_moves_the_story_on_its_page_and_its_neighbours(client, section, four):
    first, second, third, fourth = four
    assert pager_on_page(client, second) == (["Story 1"], ["Story 3"])
    assert pager_on_page(client, fourth) == (["Story 3"], [])

    second.published_at = BASE + timedelta(hours=5)
    publish(second)

    assert pager_on_page(client, first) == ([], ["Story 3"])
    assert pager_on_page(client, third) == (["Story 1"], ["Story 4"])
    assert pager_on_page(client, fourth) == (["Story 3"], ["Story 2"])
    assert pager_on_page(client, second) == (["Story 4"], [])
    assert_second_moved_last(four, section)


def test_a_new_date_saved_on_the_live_row_moves_the_story(section, four):
    """An import or a script that saves the live story (no publication) moves it too."""
    second = four[1]
    second.published_at = BASE + timedelta(hours=5)
    second.save()
    assert_second_moved_last(four, section)


def test_a_new_date_scheduled_moves_the_story_when_it_goes_out(section, four):
    second = four[1]
    second.published_at = BASE + timedelta(hours=5)
    revision = schedule(second, timezone.now() + timedelta(hours=1))
    # Wagtail takes a live page that an editor schedules off the site until its time.
    assert titles(four[0], section) == (None, "Story 3")

    make_overdue(revision, timezone.now() - timedelta(minutes=1))
    [outcome] = scheduling.run_due()

    assert outcome.status == scheduling.DONE, outcome
    assert_second_moved_last(four, section)
