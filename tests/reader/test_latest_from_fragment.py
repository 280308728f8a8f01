"""A story page's "Latest from <section>" is rendered once for each list it shows and kept as
HTML: no story may show itself in it, and a change to the section or to a story in the list
shows at once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.curation.models import Curation, DontMissPick
from tests.factories import ArticlePageFactory, SectionPageFactory, publish
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db

BASE = timezone.now() - timedelta(days=30)


def story(section, hours, **kwargs):
    return ArticlePageFactory(parent=section, published_at=BASE + timedelta(hours=hours), **kwargs)


def latest(client, page):
    client.cookies["sessionid"] = "reader"  # past the page cache: every request is rendered
    html = parse(client.get(page.url))
    heading = html.xpath("//h2[@id='latest-heading']")
    return (
        visible_text(heading[0]) if heading else None,
        [visible_text(h) for h in html.xpath("//section[contains(@class, 'latest')]//h3")],
    )


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Sport", slug="sport")


@pytest.fixture
def stories(section):
    return [story(section, hours, title=f"Story {hours}") for hours in range(1, 8)]


def test_each_story_in_the_list_is_left_out_of_its_own(client, stories):
    newest_four = ["Story 7", "Story 6", "Story 5", "Story 4"]
    assert latest(client, stories[0]) == ("Latest from Sport", newest_four)
    assert latest(client, stories[6])[1] == ["Story 6", "Story 5", "Story 4", "Story 3"]
    assert latest(client, stories[4])[1] == ["Story 7", "Story 6", "Story 4", "Story 3"]
    assert latest(client, stories[3])[1] == ["Story 7", "Story 6", "Story 5", "Story 3"]
    assert latest(client, stories[2])[1] == newest_four
    assert latest(client, stories[6])[1] == ["Story 6", "Story 5", "Story 4", "Story 3"]


def test_a_headline_edit_and_an_unpublished_story_show_at_once(client, stories):
    assert latest(client, stories[0])[1] == ["Story 7", "Story 6", "Story 5", "Story 4"]

    stories[5].title = "Story 6, with its headline fixed"
    publish(stories[5])
    assert latest(client, stories[1])[1] == [
        "Story 7",
        "Story 6, with its headline fixed",
        "Story 5",
        "Story 4",
    ]

    stories[6].unpublish()
    assert latest(client, stories[0])[1] == [
        "Story 6, with its headline fixed",
        "Story 5",
        "Story 4",
        "Story 3",
    ]


def test_a_new_story_in_the_section_and_a_renamed_section_show_at_once(client, section, stories):
    assert latest(client, stories[0])[1] == ["Story 7", "Story 6", "Story 5", "Story 4"]

    story(section, 10, title="Just in", published=True)  # as an editor publishes it
    assert latest(client, stories[0])[1] == ["Just in", "Story 7", "Story 6", "Story 5"]

    section.title = "Sports"
    section.save_revision().publish()
    assert latest(client, stories[0])[0] == "Latest from Sports"


def test_a_pick_added_leaves_the_list_at_once(client, site, stories):
    curation = Curation.for_site(site)
    curation.dont_miss_picks.all().delete()
    assert latest(client, stories[0])[1] == ["Story 7", "Story 6", "Story 5", "Story 4"]

    DontMissPick.objects.create(curation=curation, story=stories[5], sort_order=0)
    assert latest(client, stories[0])[1] == ["Story 7", "Story 5", "Story 4", "Story 3"]
