"""The go-live time in the admin's section listing, never on the reader site."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.articles.models import ArticlePage
from tests.factories import STAFF_PASSWORD, ArticlePageFactory, newsroom_staff, section_named

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stories")]

SCHEDULED = "Unpublished until next year: the budget"
EMBARGOED = "Unpublished under embargo: the audit report"


@pytest.fixture
def stories(db):
    """Top News with a live story, one scheduled and one embargoed a year ahead (published by
    the editor, so they wait), as the desk leaves them."""
    staff = newsroom_staff()
    section = section_named("top-news")
    ArticlePageFactory(parent=section, published=True)
    year = timezone.now() + timedelta(days=365)
    for title, wait in [(SCHEDULED, {"go_live_at": year}), (EMBARGOED, {"embargo_until": year})]:
        story = ArticlePageFactory(parent=section, live=False, title=title, **wait)
        story.save_revision(user=staff["reporter"]).publish(user=staff["editor"])


def cell(html, title):
    """The "Goes live" cell of the listing's row for `title`."""
    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(title)}(?:(?!</tr>).)*</tr>", html, re.S)
    assert row, f"no row for {title!r}"
    found = re.search(r"<td[^>]*data-newsroom-go-live>(.*?)</td>", row.group(0), re.S)
    assert found, f"no go-live cell in the row of {title!r}"
    return " ".join(found.group(1).split())


@pytest.mark.parametrize(("title", "words"), [(SCHEDULED, "Scheduled"), (EMBARGOED, "Embargoed")])
def test_a_sections_listing_shows_when_each_story_goes_live(client, title, words):
    story = ArticlePage.objects.get(title=title)
    assert client.login(username="chief", password=STAFF_PASSWORD)
    html = client.get(f"/admin/pages/{story.get_parent().pk}/").content.decode()
    assert "Goes live" in html
    shown = cell(html, title)
    time = r"\w{3} \d+ \w{3}( \d{4})? \d\d:\d\d \w+"
    assert re.fullmatch(rf"{words}( until)? <time datetime=\"[^\"]+\">{time}</time>", shown), shown
    live = ArticlePage.objects.live().child_of(story.get_parent()).first()
    assert cell(html, live.title) == ""  # a live story has nothing to wait for


def test_the_listing_makes_the_same_queries_for_more_stories(client):
    story = ArticlePage.objects.get(title=SCHEDULED)
    url = f"/admin/pages/{story.get_parent().pk}/"
    assert client.login(username="chief", password=STAFF_PASSWORD)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    later = timezone.now() + timedelta(days=2)
    for _ in range(5):
        ArticlePageFactory(parent=story.get_parent(), live=False, embargo_until=later)
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)


def test_the_reader_site_never_shows_the_go_live_time(client):
    story = ArticlePage.objects.get(title=SCHEDULED)
    html = client.get(story.get_parent().url).content.decode()
    assert "Goes live" not in html and "Scheduled" not in html and "Embargoed until" not in html
