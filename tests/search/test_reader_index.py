"""The reader index follows every change that shows or hides a story (masthead.search.follow):
the search page finds a story exactly while readers may read it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision

from masthead.articles.models import ArticlePage
from masthead.publishing import scheduling
from masthead.search.models import ReaderIndexEntry
from tests.factories import ArticlePageFactory, SectionPageFactory, SiteFactory, publish
from tests.pages import parse, visible_text
from tests.publishing.stories import draft_story
from tests.search.helpers import search

pytestmark = pytest.mark.django_db

WORD = "Zanzibar"


def found(client, word=WORD) -> list[tuple[str, str]]:
    """(headline, address) of each result for `word`."""
    items = parse(search(client, word)).xpath("//ol[contains(@class, 'search-results')]/li")
    return [
        (visible_text(item.xpath(".//h2")[0]), item.xpath(".//h2/a/@href")[0]) for item in items
    ]


def headlines(client, word=WORD) -> list[str]:
    return [headline for headline, _ in found(client, word)]


@pytest.fixture
def story(section):
    return ArticlePageFactory(
        parent=section, title=f"{WORD} ferry resumes", slug="ferry", published=True
    )


def test_a_published_story_is_found_and_a_draft_is_not(client, section, story):
    ArticlePageFactory(parent=section, title=f"{WORD} draft", live=False)
    assert headlines(client) == [f"{WORD} ferry resumes"]


def test_an_unpublished_story_is_gone(client, story):
    story.unpublish()
    assert headlines(client) == []


def test_a_deleted_story_is_gone(client, story):
    story.delete()
    assert headlines(client) == []
    assert not ReaderIndexEntry.objects.exists()


def test_a_new_publication_replaces_the_words_and_a_draft_does_not(client, story):
    story.title = "Ferry to Pemba resumes"
    publish(story)
    assert headlines(client) == []
    assert headlines(client, "Pemba") == ["Ferry to Pemba resumes"]
    story.title = "Secret draft headline about Mafia island"
    story.save_revision()  # a draft of a live story: readers still see the live one
    assert headlines(client, "Mafia") == []
    assert headlines(client, "Pemba") == ["Ferry to Pemba resumes"]


def test_a_view_restriction_hides_the_section_and_lifting_it_shows_it_again(client, section, story):
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert headlines(client) == []
    restriction.delete()
    assert headlines(client) == [f"{WORD} ferry resumes"]


def test_a_story_moved_into_a_private_section_is_gone_and_back_out_at_its_new_address(
    client, home, story
):
    members = SectionPageFactory(parent=home, title="Members", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    story.move(members, pos="last-child")
    assert headlines(client) == []
    open_desk = SectionPageFactory(parent=home, title="Open", slug="open")
    ArticlePage.objects.get(pk=story.pk).move(open_desk, pos="last-child")
    assert found(client) == [(f"{WORD} ferry resumes", "/open/ferry/")]


def test_a_moved_section_takes_its_stories_to_their_new_addresses(client, home, section, story):
    world = SectionPageFactory(parent=home, title="World", slug="world-desk")
    section.refresh_from_db()
    section.move(world, pos="last-child")
    assert found(client) == [(f"{WORD} ferry resumes", "/world-desk/islands/ferry/")]


def test_an_embargoed_story_is_found_only_once_released(client, section):
    story = draft_story(section, f"{WORD} embargoed report")
    story.embargo_until = timezone.now() + timedelta(hours=2)
    story.save_revision().publish()  # scheduled for the embargo time
    assert headlines(client) == []
    past = timezone.now() - timedelta(seconds=1)
    ArticlePage.objects.filter(pk=story.pk).update(embargo_until=past)
    for revision in Revision.page_revisions.filter(object_id=str(story.pk)):
        revision.content["embargo_until"] = past.isoformat()
        if revision.approved_go_live_at:
            revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
    [outcome] = scheduling.run_due()  # the worker's pass
    assert outcome.status == scheduling.DONE
    assert headlines(client) == [f"{WORD} embargoed report"]


def test_the_rebuild_command_indexes_the_public_stories_only(client, home, section, story):
    members = SectionPageFactory(parent=home, title="Members", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    ArticlePageFactory(parent=members, title=f"{WORD} members only", published=True)
    ReaderIndexEntry.objects.all().delete()
    assert headlines(client) == []
    call_command("rebuild-search-index", verbosity=0)
    assert headlines(client) == [f"{WORD} ferry resumes"]


def test_the_rebuild_gives_each_story_the_address_wagtail_gives_it(home, section):
    """The bulk path reads the sites once and builds addresses from the tree paths: the same
    as each story's get_url(), with one site and with two (then absolute)."""
    nested = SectionPageFactory(parent=section, title="Asia", slug="asia")
    stories = [ArticlePageFactory(parent=parent, published=True) for parent in (section, nested)]
    other = SiteFactory()
    stories.append(
        ArticlePageFactory(parent=SectionPageFactory(parent=other.root_page), published=True)
    )
    for many_sites in (True, False):
        if not many_sites:
            stories.pop().delete()
            other.delete()
        call_command("rebuild-search-index", verbosity=0)
        urls = dict(ReaderIndexEntry.objects.values_list("page_id", "url"))
        wagtail = ArticlePage.objects.filter(pk__in=[story.pk for story in stories])
        assert urls == {story.pk: story.get_url() for story in wagtail}
        assert all(url.startswith("http") == many_sites for url in urls.values()), urls
