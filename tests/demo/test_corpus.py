"""`masthead seed-corpus`: bulk-written stories that readers, editors and Wagtail cannot tell
from stories published one by one."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Max
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.search.models import IndexEntry

from masthead.articles import bulk
from masthead.articles.models import ArticleByline, ArticlePage
from masthead.demo.corpus import seed_corpus
from masthead.demo.corpus.seed import MAX_WORDS, MIN_WORDS
from masthead.search.models import ReaderIndexEntry
from tests.pages import main_text, parse, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_newsroom")]

STORIES = 60


@pytest.fixture
def corpus():
    """60 stories seeded beside the demo's; the newest first."""
    newest_before = ArticlePage.objects.aggregate(pk=Max("pk"))["pk"]
    result = seed_corpus(STORIES, seed="test-corpus", batch_size=25)
    assert result.added == STORIES
    return list(ArticlePage.objects.filter(pk__gt=newest_before).order_by("-published_at"))


def test_the_newest_stories_lead_the_front_page_and_their_section(client, corpus):
    newest = corpus[0]
    front_links = parse(client.get("/")).xpath("//main//a/@href")
    assert newest.url in front_links
    section = newest.get_parent()
    section_links = parse(client.get(section.url)).xpath("//main//a/@href")
    assert newest.url in section_links


def test_a_story_answers_with_its_headline_standfirst_and_bylines(client, corpus):
    story = next(story for story in corpus if story.bylines.exists())
    page = parse(client.get(story.url))
    assert visible_text(page.xpath("//h1")[0]) == story.title
    text = main_text(client.get(story.url))
    assert story.standfirst in text
    assert story.bylines.first().person.name in text


def test_search_finds_a_story_by_its_headline(client, corpus):
    story = corpus[len(corpus) // 2]
    results = parse(client.get("/search/", {"q": story.title}))
    assert story.url in results.xpath("//main//a/@href")


def test_the_page_tree_has_no_problems():
    seed_corpus(STORIES, seed="tree", batch_size=7)
    assert Page.find_problems() == ([], [], [], [], [])
    for section in Page.objects.filter(depth__lte=3):
        assert section.numchild == section.get_children().count(), section


def test_each_story_is_live_at_its_revision_with_the_derived_fields_of_a_save(corpus):
    for story in corpus:
        assert story.live and not story.has_unpublished_changes
        assert story.live_revision_id == story.latest_revision_id
        assert story.first_published_at == story.published_at
        assert story.url_path == f"{story.get_parent().url_path}{story.slug}/"
        from_revision = story.live_revision.as_object()
        assert from_revision.title == story.title
        assert list(from_revision.body.raw_data) == list(story.body.raw_data)
        derived = (story.word_count, story.reading_minutes, story.summary)
        story.refresh_derived_fields()
        assert (story.word_count, story.reading_minutes, story.summary) == derived
        assert MIN_WORDS * 0.9 <= story.word_count <= MAX_WORDS * 1.2
    story = corpus[0]
    story.full_clean()  # valid as the editor's form would have it
    kinds = {block.block_type for story in corpus for block in story.body}
    assert {"paragraph", "heading", "quote"} <= kinds


def test_a_seeded_story_leaves_the_rows_a_normal_publication_leaves(corpus):
    seeded = next(story for story in corpus if story.credit_organisation and story.bylines.count())
    twin = publish_normally(seeded)
    assert page_row(seeded) == page_row(twin)
    assert revision_content(seeded) == revision_content(twin)
    assert log_actions(seeded) == log_actions(twin) == ["wagtail.create", "wagtail.publish"]
    # Wagtail indexes a new story's tag references from its next save on (its first publish
    # saves the tags after indexing); a seeded story has them at once, as a rebuild writes them.
    assert references(twin) <= references(seeded)
    seeded_references = references(seeded)
    ReferenceIndex.create_or_update_for_object(ArticlePage.objects.get(pk=seeded.pk))
    assert references(seeded) == seeded_references
    assert search_entry(seeded) == search_entry(twin)


def test_the_command_adds_stories_each_run():
    before = ArticlePage.objects.count()
    for _ in range(2):
        call_command("seed-corpus", "--stories", "3", "--seed", "same", verbosity=0)
    assert ArticlePage.objects.count() == before + 6
    assert Page.find_problems() == ([], [], [], [], [])


# A story published the normal way, with the seeded one's content -------------------------------

# Fields that differ between any two pages (identity, place, time of publication).
OWN_FIELDS = {
    "id",
    "page_ptr_id",
    "path",
    "slug",
    "url_path",
    "translation_key",
    "latest_revision_id",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
}


def publish_normally(story) -> ArticlePage:
    twin = ArticlePage(
        title=story.title,
        slug=f"{story.slug}-twin",
        standfirst=story.standfirst,
        credit_verb=story.credit_verb,
        credit_organisation=story.credit_organisation,
        body=json.dumps(list(story.body.raw_data)),
        published_at=story.published_at,
        dateline=story.dateline,
    )
    for byline in story.bylines.all():
        twin.bylines.add(
            ArticleByline(person=byline.person, role=byline.role, sort_order=byline.sort_order)
        )
    story.get_parent().add_child(instance=twin)
    twin.tags.add(*story.tags.all())
    twin.save_revision().publish()
    return ArticlePage.objects.get(pk=twin.pk)


def page_row(story) -> dict:
    row = ArticlePage.objects.filter(pk=story.pk).values()[0]
    return {field: value for field, value in row.items() if field not in OWN_FIELDS}


def revision_content(story) -> dict:
    content = dict(story.live_revision.content)
    for field in ("pk", "path", "slug", "url_path", "translation_key"):
        content.pop(field)
    content["bylines"] = [
        (byline["sort_order"], byline["person"], byline["role"]) for byline in content["bylines"]
    ]
    content["tagged_items"] = sorted(item["tag"] for item in content["tagged_items"])
    # The body's blocks, not the text of its JSON: PostgreSQL's jsonb gives the keys of the
    # blocks read back from the page row in its own order.
    if isinstance(content["body"], str):
        content["body"] = json.loads(content["body"])
    return content


def log_actions(story) -> list[str]:
    entries = PageLogEntry.objects.filter(page=story).order_by("pk")
    return list(entries.values_list("action", flat=True))


def references(story) -> set:
    rows = ReferenceIndex.objects.filter(object_id=str(story.pk))
    fields = ("content_type_id", "base_content_type_id", "to_content_type_id", "to_object_id")
    return {(*(getattr(row, field) for field in fields), row.model_path) for row in rows}


def search_entry(story) -> tuple:
    entry = IndexEntry.objects.get(object_id=str(story.pk), content_type=story.content_type)
    return entry.title, entry.autocomplete, entry.body


def test_a_big_load_on_postgresql_leaves_the_planner_the_statistics_of_what_it_wrote(
    monkeypatch,
):
    """Without them, a search for a word in most stories read every match (docs/search.md)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's planner statistics")
    monkeypatch.setattr(bulk, "ANALYZE_AFTER", 5)  # (1,000 stories in a real load)
    seed_corpus(5, seed="statistics")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s", [ReaderIndexEntry._meta.db_table]
        )
        (estimated,) = cursor.fetchone()
    assert estimated == ReaderIndexEntry.objects.count() > 5
