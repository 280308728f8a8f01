"""Section, tag and author listings read their pages off the archive's memberships: every
`?page=N` lists the same stories, in the same order, as the query over the stories themselves
(newest first, ties in the public date broken by id), with subsections, a restricted section,
a draft, and stories with several tags and bylines and a source credit."""

import math
from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.queries import crediting, newest_first, public_stories
from masthead.reader import listings
from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    PageViewRestrictionFactory,
    PersonFactory,
    SectionPageFactory,
)
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db

PAGE_SIZE = 3
HEADLINES = "//main//ol/li//*[self::h2 or self::h3]"
BASE = timezone.now() - timedelta(days=90)


@pytest.fixture
def small_pages(monkeypatch):
    for name in ("SECTION_PAGE_SIZE", "TAG_PAGE_SIZE", "AUTHOR_PAGE_SIZE"):
        monkeypatch.setattr(listings, name, PAGE_SIZE)


@pytest.fixture
def newsroom(home, small_pages):
    world = SectionPageFactory(parent=home, title="World", slug="world")
    asia = SectionPageFactory(parent=world, title="Asia", slug="asia")
    staff = SectionPageFactory(parent=world, title="Staff", slug="staff")
    PageViewRestrictionFactory(page=staff)
    nadia, omar = PersonFactory(slug="nadia"), PersonFactory(slug="omar")
    agency = OrganisationFactory(slug="wire-agency")

    def story(parent, hours, n, **kwargs):
        return ArticlePageFactory(
            parent=parent,
            title=f"Story {n}",
            published_at=BASE + timedelta(hours=hours),
            published=True,
            **kwargs,
        )

    # Hours repeat (ties broken by id); stories alternate between World and Asia.
    hours = [5, 1, 3, 3, 3, 8, 2, 5, 9, 4, 3, 7, 6]
    for n, at in enumerate(hours):
        story(
            asia if n % 2 else world,
            at,
            n,
            tags=["Floods", "Rain"] if n % 3 else ["Floods"],
            bylines=[nadia, omar] if n % 4 == 0 else [nadia],
            credit_organisation=agency if n % 3 == 0 else None,
        )
    story(staff, 10, "private", tags=["Floods"], bylines=[nadia])
    draft = story(world, 11, "draft", tags=["Floods"], bylines=[nadia])
    draft.unpublish()
    return {"world": world, "asia": asia, "people": (nadia, omar, agency)}


def titles(client, url) -> list[str]:
    return [visible_text(h) for h in parse(client.get(url)).xpath(HEADLINES)]


def assert_pages_as_queried(client, url, queryset):
    """Every page of the listing at `url`, and none past them, as `queryset` lists them."""
    expected = [story.title for story in newest_first(queryset)]
    pages = math.ceil(len(expected) / PAGE_SIZE)
    assert pages >= 2, url
    for number in range(1, pages + 1):
        shown = titles(client, f"{url}?page={number}")
        assert shown == expected[(number - 1) * PAGE_SIZE : number * PAGE_SIZE], (url, number)
    assert client.get(f"{url}?page={pages + 1}").status_code == 404


def test_every_page_lists_what_the_stories_query_lists(client, newsroom):
    stories = public_stories()
    nadia, omar, agency = newsroom["people"]
    assert "Story private" not in titles(client, "/world/")
    assert_pages_as_queried(client, "/world/", stories.descendant_of(newsroom["world"]))
    assert_pages_as_queried(client, "/world/asia/", stories.descendant_of(newsroom["asia"]))
    assert_pages_as_queried(client, "/tags/floods/", stories.filter(tags__slug="floods"))
    assert_pages_as_queried(client, "/tags/rain/", stories.filter(tags__slug="rain"))
    for person in (nadia, omar, agency):
        assert_pages_as_queried(client, person.get_absolute_url(), crediting(stories, person))
