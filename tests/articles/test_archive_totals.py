"""The archive's totals (what the sitemap index and its sections, tags and authors parts read)
follow every change that shows or hides a story, as a count from scratch would find them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles import archive
from masthead.articles.totals import ArchiveMember, ArchiveTotal
from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    PageViewRestrictionFactory,
    PersonFactory,
    SectionPageFactory,
    default_home,
    publish,
)

pytestmark = pytest.mark.django_db


def totals() -> list[tuple]:
    return sorted(ArchiveTotal.objects.values_list("root", "kind", "ref", "count", "lastmod"))


def members() -> list[tuple]:
    fields = ("page_id", "root", "kind", "ref", "modified", "published_at")
    return sorted(ArchiveMember.objects.values_list(*fields))


def assert_as_counted_from_scratch() -> list[tuple]:
    """The totals, and the lists with each story's date, as kept: what a fill from nothing
    finds."""
    kept, kept_members = totals(), members()
    archive.fill()
    assert kept == totals()
    assert kept_members == members()
    return kept


@pytest.fixture
def newsroom():
    world, business = SectionPageFactory(title="World"), SectionPageFactory(title="Business")
    asia = SectionPageFactory(parent=world, title="Asia")
    reporter, agency = PersonFactory(), OrganisationFactory()
    now = timezone.now()
    stories = [
        ArticlePageFactory(
            parent=parent,
            bylines=[reporter],
            tags=["Pakistan", f"Tag {n % 2}"],
            credit_organisation=agency if n % 2 else None,
            published_at=now - timedelta(days=40 * n),
            published=True,
        )
        for n, parent in enumerate([world, asia, business, asia])
    ]
    return {"world": world, "business": business, "asia": asia, "stories": stories}


def kinds(rows) -> dict[str, int]:
    found = {}
    for _, kind, _, count, _ in rows:
        found[kind] = found.get(kind, 0) + count
    return found


def test_published_stories_are_in_their_month_sections_tags_and_people(newsroom):
    rows = assert_as_counted_from_scratch()
    # 4 stories: a month each; the front page, and World for 3 of them (Asia's two), Asia,
    # Business; the section each is filed in; two tags each; the reporter on all, the agency on
    # two.
    assert kinds(rows) == {
        "month": 4,
        "section": 4 + 3 + 2 + 1,
        "filed": 4,
        "tag": 8,
        "person": 6,
    }


def test_unpublish_and_delete_take_a_story_out(newsroom):
    first, second, *_ = newsroom["stories"]
    first.unpublish()
    assert kinds(assert_as_counted_from_scratch())["month"] == 3
    second.delete()
    assert kinds(assert_as_counted_from_scratch())["month"] == 2


def test_a_new_date_moves_a_story_to_its_month(newsroom):
    story = newsroom["stories"][0]
    before = {ref for _, kind, ref, _, _ in totals() if kind == "month"}
    story.published_at = timezone.now() - timedelta(days=800)
    publish(story)
    after = {ref for _, kind, ref, _, _ in assert_as_counted_from_scratch() if kind == "month"}
    assert archive.month_ref(story.published_at) in after - before


def test_moves_and_view_restrictions_follow_the_tree(newsroom):
    newsroom["stories"][2].move(newsroom["asia"], pos="last-child")
    assert_as_counted_from_scratch()
    newsroom["business"].refresh_from_db()  # one child fewer
    newsroom["world"].move(newsroom["business"], pos="last-child")
    assert_as_counted_from_scratch()
    restriction = PageViewRestrictionFactory(page=newsroom["business"])
    assert kinds(assert_as_counted_from_scratch()) == {}  # every story is below Business now
    restriction.delete()
    assert kinds(assert_as_counted_from_scratch())["month"] == 4


def test_deleting_a_section_takes_its_stories_out(newsroom):
    newsroom["asia"].delete()
    assert kinds(assert_as_counted_from_scratch())["month"] == 2


def test_a_tag_whose_only_story_goes_leaves_the_tags_sitemap(client, newsroom):
    lone = ArticlePageFactory(parent=newsroom["business"], tags=["Lonely"], published=True)
    assert b"/tags/lonely/" in client.get("/sitemap-tags.xml").content
    lone.unpublish()
    assert b"/tags/lonely/" not in client.get("/sitemap-tags.xml").content
    assert_as_counted_from_scratch()


def test_a_site_below_another_sites_root_counts_only_its_own_stories(newsroom):
    assert archive.totals(default_home(), archive.MONTH)
    assert archive.totals(newsroom["asia"], archive.MONTH) == {
        archive.month_ref(story.published_at): (1, story.modified_at.replace(microsecond=0))
        for story in newsroom["stories"]
        if story.get_parent().pk == newsroom["asia"].pk
    }
