"""Previous/next, "Latest from", "Don't Miss" and "Also read" around a story."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.curation.models import Curation, DontMissPick
from tests.factories import ArticlePageFactory, SectionPageFactory, publish
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db

BASE = timezone.now() - timedelta(days=30)


def story(section, hours, **kwargs):
    return ArticlePageFactory(parent=section, published_at=BASE + timedelta(hours=hours), **kwargs)


def headlines(page, xpath):
    return [visible_text(h) for h in page.xpath(xpath)]


def pager(client, page):
    html = parse(client.get(page.url))
    return (
        headlines(html, "//a[@rel='prev']/span[contains(@class, 'headline')]"),
        headlines(html, "//a[@rel='next']/span[contains(@class, 'headline')]"),
    )


def latest(client, page):
    return headlines(parse(client.get(page.url)), "//section[contains(@class, 'latest')]//h3")


def dont_miss(client, page):
    return headlines(parse(client.get(page.url)), "//aside[contains(@class, 'dont-miss')]//h3")


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Sport", slug="sport")


def test_previous_and_next_are_neighbours_in_publication_time(client, section):
    first, second, third = (story(section, h, title=f"Story {h}") for h in (1, 2, 3))
    assert pager(client, first) == ([], ["Story 2"])
    assert pager(client, second) == (["Story 1"], ["Story 3"])
    assert pager(client, third) == (["Story 2"], [])


def test_neighbours_stay_within_the_section(client, home, section):
    other = SectionPageFactory(parent=home, title="Weather", slug="weather")
    mine = story(section, 2, title="Mine")
    story(other, 1, title="Other earlier")
    story(other, 3, title="Other later")
    assert pager(client, mine) == ([], [])


def test_ties_in_publication_time_are_broken_by_id(client, section):
    same_time = BASE + timedelta(hours=5)
    a = ArticlePageFactory(parent=section, title="Tie A", published_at=same_time)
    b = ArticlePageFactory(parent=section, title="Tie B", published_at=same_time)
    assert a.pk < b.pk
    assert pager(client, a) == ([], ["Tie B"])
    assert pager(client, b) == (["Tie A"], [])


def test_latest_from_section_is_the_four_newest_without_the_story_itself(client, section):
    stories = [story(section, h, title=f"Story {h}") for h in range(1, 7)]
    assert latest(client, stories[0]) == ["Story 6", "Story 5", "Story 4", "Story 3"]
    assert latest(client, stories[5]) == ["Story 5", "Story 4", "Story 3", "Story 2"]
    assert latest(client, stories[3]) == ["Story 6", "Story 5", "Story 3", "Story 2"]


def test_an_unpublished_story_appears_in_no_block(client, home, section, site):
    older = story(section, 1, title="Older")
    hidden = story(section, 2, title="Hidden draft")
    newer = story(section, 3, title="Newer")
    linking = story(
        section,
        0,
        title="Linking",
        body=[
            ("paragraph", "<p>Text.</p>"),
            ("also_read", {"story": hidden, "label": "Also read"}),
        ],
    )
    DontMissPick.objects.create(curation=Curation.for_site(site), story=hidden, sort_order=-1)
    assert "Hidden draft" in dont_miss(client, older)
    assert "Hidden draft" in visible_text(parse(client.get(linking.url)))
    hidden.unpublish()

    assert client.get(hidden.url).status_code == 404
    assert pager(client, older) == (["Linking"], ["Newer"])
    assert pager(client, newer) == (["Older"], [])
    assert "Hidden draft" not in latest(client, older)
    assert "Hidden draft" not in dont_miss(client, older)
    assert "Hidden draft" not in visible_text(parse(client.get(linking.url)))
    assert "Hidden draft" not in visible_text(parse(client.get(section.url)))
    assert "Hidden draft" not in visible_text(parse(client.get(home.url)))


def test_a_story_in_a_private_section_appears_in_no_public_block(client, home, site):
    private = SectionPageFactory(parent=home, title="Staff only", slug="staff-only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    secret = story(private, 900, title="Secret memo")
    DontMissPick.objects.create(curation=Curation.for_site(site), story=secret, sort_order=-1)
    public = SectionPageFactory(parent=home, title="Open", slug="open")
    visible = story(public, 1, title="Open story")
    assert "Secret memo" not in dont_miss(client, visible)
    assert "Secret memo" not in visible_text(parse(client.get(home.url)))


def test_dont_miss_follows_the_editors_order_and_drops_expired_picks(client, section, site):
    curation = Curation.for_site(site)
    curation.dont_miss_picks.all().delete()
    reader = story(section, 0, title="Reader")
    picks = [story(section, h, title=f"Pick {h}") for h in (1, 2, 3)]
    now = timezone.now()
    DontMissPick.objects.create(curation=curation, story=picks[2], sort_order=0)
    DontMissPick.objects.create(curation=curation, story=picks[0], sort_order=1)
    DontMissPick.objects.create(
        curation=curation, story=picks[1], sort_order=2, expires_at=now - timedelta(minutes=1)
    )
    assert dont_miss(client, reader) == ["Pick 3", "Pick 1"]
    assert dont_miss(client, picks[2]) == ["Pick 1"]


def test_reading_time_and_excerpt_are_stored_when_a_revision_is_published(section):
    words = " ".join(["word"] * 300)
    page = story(section, 1, standfirst="A dek", body=[("paragraph", f"<p>{words}</p>")])
    page.body = [("paragraph", "<p>Now much shorter &amp; sweeter.</p>")]
    publish(page)
    assert page.word_count == 5
    assert page.reading_minutes == 1
    assert page.summary == "A dek\nNow much shorter & sweeter."


def test_a_pick_in_latest_from_the_section_is_shown_once_and_the_next_story_fills_in(
    client, section, site
):
    curation = Curation.for_site(site)
    curation.dont_miss_picks.all().delete()
    stories = [story(section, h, title=f"Story {h}") for h in range(1, 8)]
    DontMissPick.objects.create(curation=curation, story=stories[5], sort_order=0)

    reader = stories[0]
    assert dont_miss(client, reader) == ["Story 6"]
    assert latest(client, reader) == ["Story 7", "Story 5", "Story 4", "Story 3"]


def test_a_story_published_in_the_section_shows_at_once_in_latest_from(client, section):
    """The section's newest stories are kept by the process between renders: a publish in the
    section refreshes them for the next render of any story in it."""
    stories = [story(section, h, title=f"Story {h}") for h in range(1, 7)]
    assert latest(client, stories[0]) == ["Story 6", "Story 5", "Story 4", "Story 3"]
    assert pager(client, stories[5]) == (["Story 5"], [])

    story(section, 10, title="Just in", published=True)  # as an editor publishes it

    assert latest(client, stories[0]) == ["Just in", "Story 6", "Story 5", "Story 4"]
    assert pager(client, stories[5]) == (["Story 5"], ["Just in"])


def test_a_headline_changed_in_latest_from_shows_at_once(client, section):
    stories = [story(section, h, title=f"Story {h}") for h in range(1, 7)]
    assert latest(client, stories[0]) == ["Story 6", "Story 5", "Story 4", "Story 3"]

    stories[4].title = "Story 5, with its headline fixed"
    publish(stories[4])

    assert latest(client, stories[0]) == [
        "Story 6",
        "Story 5, with its headline fixed",
        "Story 4",
        "Story 3",
    ]


def test_a_story_unpublished_from_latest_from_leaves_it_at_once(client, section):
    stories = [story(section, h, title=f"Story {h}") for h in range(1, 7)]
    assert latest(client, stories[0]) == ["Story 6", "Story 5", "Story 4", "Story 3"]

    stories[5].unpublish()

    assert latest(client, stories[0]) == ["Story 5", "Story 4", "Story 3", "Story 2"]


def test_latest_from_reads_past_more_picks_than_the_process_keeps_spare(client, section, site):
    """The process keeps the section's sixteen newest: with thirteen of them picked for Don't
    Miss and the story being read, "Latest from" reads the next ones from the section."""
    curation = Curation.for_site(site)
    curation.dont_miss_picks.all().delete()
    stories = [story(section, h, title=f"Story {h}") for h in range(1, 19)]
    for order, picked in enumerate(stories[5:]):
        DontMissPick.objects.create(curation=curation, story=picked, sort_order=order)

    assert latest(client, stories[2]) == ["Story 5", "Story 4", "Story 2", "Story 1"]
    assert latest(client, stories[0]) == ["Story 5", "Story 4", "Story 3", "Story 2"]
