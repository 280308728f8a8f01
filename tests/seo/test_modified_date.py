"""The public modified date: moved by each publication unless the editor marked a minor edit."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Revision

from masthead.articles.models import ArticlePage
from masthead.core.dates import iso_datetime
from tests.factories import ArticlePageFactory, publish, section_named
from tests.seo.helpers import json_ld, open_graph
from tests.worlds import module_world

pytestmark = pytest.mark.django_db


def _published_story():
    """A story published once, a year ago by its public date (built once for the module,
    tests/worlds.py)."""
    section = section_named("business")
    page = ArticlePageFactory(parent=section, published_at=timezone.now() - timedelta(days=365))
    return publish(page)


published_story = module_world(_published_story)


@pytest.fixture
def story(published_story):
    """The module's story as the database holds it (each test's edits are undone after it)."""
    return ArticlePage.objects.get(pk=published_story.pk)


def dates(client, story) -> tuple[str, str]:
    """(datePublished, dateModified) as the story page's JSON-LD gives them; Open Graph agrees."""
    response = client.get(story.url)
    article, graph = json_ld(response, "NewsArticle"), open_graph(response)
    assert graph["article:published_time"] == [article["datePublished"]]
    assert graph["article:modified_time"] == [article["dateModified"]]
    return article["datePublished"], article["dateModified"]


def edit(story, minor: bool) -> ArticlePage:
    story.standfirst += " Updated."
    story.minor_edit = minor
    return publish(story)


def test_the_first_publication_is_also_the_modified_date(client, story):
    published, modified = dates(client, story)
    assert published == modified == iso_datetime(story.published_at)
    assert story.last_substantive_edit_at is None


def test_a_normal_edit_moves_the_modified_date(client, story):
    before = timezone.now()
    story = edit(story, minor=False)
    assert before <= story.last_substantive_edit_at <= timezone.now()
    assert story.last_substantive_edit_at == story.last_published_at
    published, modified = dates(client, story)
    assert published == iso_datetime(story.published_at)
    assert modified == iso_datetime(story.last_substantive_edit_at)
    assert modified.endswith("+05:30")  # in the newsroom's zone, with its offset


def test_a_minor_edit_keeps_the_modified_date(client, story):
    story = edit(story, minor=False)
    _, substantive = dates(client, story)
    edited = story.last_substantive_edit_at
    story = edit(story, minor=True)
    assert story.standfirst.endswith("Updated. Updated.")  # the fix is live...
    assert dates(client, story)[1] == substantive  # ...and the date has not moved
    assert story.last_substantive_edit_at == edited
    assert story.minor_edit is False  # the tick was for that publication only
    assert story.latest_revision.content["minor_edit"] is True  # the revision records it
    story = edit(story, minor=False)
    assert story.last_substantive_edit_at > edited
    assert dates(client, story)[1] == iso_datetime(story.last_substantive_edit_at)


def test_a_minor_first_publication_still_dates_the_story(client, db):
    section = section_named("business")
    page = ArticlePageFactory(parent=section, minor_edit=True)
    page = publish(page)
    published, modified = dates(client, page)
    assert published == modified


def test_publishing_an_older_draft_keeps_the_modified_date(client, story):
    story.minor_edit = True
    old_draft = story.save_revision()  # saved before the next substantive edit
    story = edit(ArticlePage.objects.get(pk=story.pk), minor=False)
    edited = story.last_substantive_edit_at
    # Published later (a scheduled publication, a revert): a minor edit, so the modified date is
    # the page's, not the one the old draft was saved with.
    Revision.objects.get(pk=old_draft.pk).publish()
    story.refresh_from_db()
    assert story.last_substantive_edit_at == edited
    assert dates(client, story)[1] == iso_datetime(edited)


def test_the_modified_date_is_never_before_the_public_date(client, story):
    story = edit(story, minor=False)
    story.published_at = timezone.now() + timedelta(hours=2)  # an editor moved the date on
    story.minor_edit = True
    story = publish(story)
    published, modified = dates(client, story)
    assert modified == published == iso_datetime(story.published_at)
