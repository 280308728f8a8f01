"""Writing a batch of new stories as Wagtail would, in a few statements per table.

`add_child()` + `save_revision().publish()` costs some forty queries a story. Here a batch of
stories, built in memory with their tree positions, goes in as: the `wagtailcore_page` rows and
then the `articles_articlepage` rows (multi-table inheritance), the bylines, the tags, one
revision each (its content serialised as `save_revision()` does, before publication), the live
and latest revision pointers, the create and publish log entries, the reference index, the
search index (through the backend's bulk API) and what the page cache keeps of a publication.
What ends up in the database is what the normal path leaves, row for row;
`tests/demo/test_corpus.py` compares the two for `seed-corpus`, and
`tests/wordpress/test_bulk.py` for the WordPress import.

Masthead's reader index (`masthead.search`, a layer above this one) is the caller's to fill,
with `masthead.search.index.add_stories(stories)` in the same transaction.
"""

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from masthead.articles.models import ArticleByline, ArticlePage, ArticleTag
from masthead.articles.totals import ArchiveMember
from masthead.core import copyrows
from masthead.core.tree import parent_path
from masthead.pagecache import deps
from masthead.pagecache.invalidation import invalidate
from masthead.pagecache.models import ListingState
from masthead.sections.models import SectionPage

# Set on the page at publication; a revision's content has them as they were before (empty).
PUBLICATION_FIELDS = (
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
)


@contextmanager
def collections_per_batch() -> Iterator[None]:
    """A batch allocates objects that all live until it is written: the cyclic garbage
    collector would scan them over and over (a tenth of the time). One collection a batch."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


# Stories a bulk load (seed-corpus, a WordPress import) writes before it has PostgreSQL read its
# statistics again.
ANALYZE_AFTER = 1000


def refresh_statistics(written: int) -> bool:
    """After a bulk load of `written` stories on PostgreSQL: `ANALYZE`, so the planner knows the
    tables' new sizes and words at once, as pg_restore advises, rather than after autovacuum's
    next round (or never, where it is off). Planned without them, a search for a common word
    read every match of 100,000 stories (555 ms) instead of the newest 2,000 (40 ms). True if
    it ran. (SQLite keeps no statistics unless asked to, and plans well without them.)

    Then, outside a transaction (VACUUM cannot run in one), `VACUUM` of the archive's
    memberships: it marks their table's pages all-visible, so that a listing's page deep in
    the archive skips its OFFSET's rows in the index alone (an index-only scan) rather than
    reading each from the table: a section's 1,000th page took 22 ms against its first's 6 at
    100,000 stories."""
    if connection.vendor != "postgresql" or written < ANALYZE_AFTER:
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if not connection.in_atomic_block:
            cursor.execute(f"VACUUM {connection.ops.quote_name(ArchiveMember._meta.db_table)}")
    return True


def lz4_in_transaction() -> None:
    """On PostgreSQL built with LZ4: the large values this transaction writes (bodies, revisions,
    search texts) are compressed with LZ4 rather than the server's default pglz, which cost the
    server more CPU than anything but the search vectors (`SET LOCAL`: it ends with the
    transaction; values read back the same either way). Elsewhere, nothing."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('default_toast_compression', 'lz4', true) FROM pg_settings"
            " WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )


def prepare(page: ArticlePage) -> None:
    """Start every child relation of a new, unsaved story as an in-memory list, so serialising
    it later reads no child rows back from the database (a new story has none yet)."""
    for relation in get_all_child_relations(page):
        manager = getattr(page, relation.get_accessor_name())
        manager.set(list(manager.all()))


def write_stories(stories: list[ArticlePage], edited: bool = False) -> list:
    """Insert `stories` as live pages and return their revisions. The caller builds them with
    their tree fields (path, depth, url_path), publication dates (published_at and Wagtail's
    first/last published and latest revision dates), bylines, tags and derived fields. Runs
    inside the caller's transaction.

    The history logs the page's creation and its publication, as the admin's create view does;
    `edited` adds the "wagtail.edit" of a `save_revision(log_action=True)` between them, as a
    page added in code (`add_child()`) and then revised and published has."""
    insert_pages(stories)
    insert_bylines(stories)
    revisions = insert_revisions(stories)
    insert_tags(stories)  # after the revisions: their content has the tags without row ids
    publish(stories, revisions)
    insert_log_entries(stories, revisions, edited)
    insert_references(stories)
    index_for_search(stories)
    count_children(stories)
    tell_page_cache(stories)
    return revisions


def insert_pages(stories) -> None:
    # The base table first (it returns the ids), then the story table keyed by them.
    Page.objects.bulk_create(stories)
    for story in stories:
        story.page_ptr_id = story.id
    copyrows.insert(ArticlePage, stories, ArticlePage._meta.local_concrete_fields)


def insert_bylines(stories) -> None:
    bylines = []
    for story in stories:
        for byline in story.bylines.all():
            byline.page_id = story.pk
            bylines.append(byline)
    ArticleByline.objects.bulk_create(bylines)


def insert_tags(stories) -> None:
    tagged_items = []
    for story in stories:
        for tagged_item in story.tagged_items.all():
            tagged_item.content_object_id = story.pk
            tagged_items.append(tagged_item)
    ArticleTag.objects.bulk_create(tagged_items)


def insert_revisions(stories) -> list[Revision]:
    """One revision per story, its content serialised as save_revision() does it: before
    publication, so without revision pointers or publication dates."""
    story_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for story in stories:
        content = story.serializable_data()
        content.update(dict.fromkeys(PUBLICATION_FIELDS))
        revisions.append(
            Revision(
                content_type=story_type,
                base_content_type=page_type,
                object_id=str(story.pk),
                created_at=story.latest_revision_created_at,
                object_str=story.title,
                content=content,
            )
        )
    copyrows.insert(Revision, revisions, new_ids=True)
    return revisions


def publish(stories, revisions) -> None:
    """Point each story at its revision as the latest and the live one."""
    page_type = ContentType.objects.get_for_model(Page)
    own_revision = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    pages = Page.objects.filter(pk__in=[story.pk for story in stories])
    pages.update(latest_revision=Subquery(own_revision.values("pk")[:1]))
    pages.update(live_revision=F("latest_revision"))
    for story, revision in zip(stories, revisions, strict=True):
        story.latest_revision = story.live_revision = revision


def insert_log_entries(stories, revisions, edited=False) -> None:
    story_type = ContentType.objects.get_for_model(ArticlePage)
    actions = ["wagtail.create", "wagtail.edit", "wagtail.publish"]
    if not edited:
        actions.remove("wagtail.edit")
    entries = []
    for story, revision in zip(stories, revisions, strict=True):
        for action in actions:
            entries.append(
                PageLogEntry(
                    action=action,
                    timestamp=story.last_published_at
                    if action == "wagtail.publish"
                    else story.latest_revision_created_at,
                    # Only the creation names no revision.
                    revision=None if action == "wagtail.create" else revision,
                    content_changed=True,
                    page_id=story.pk,
                    content_type=story_type,
                    label=story.title,
                )
            )
    copyrows.insert(PageLogEntry, entries)


def insert_references(objects, content_type=None, base_content_type=None) -> None:
    """The reference index rows `ReferenceIndex.create_or_update_for_object` would write for each
    of `objects` (new stories by default; the WordPress import passes its new images)."""
    content_type = content_type or ContentType.objects.get_for_model(ArticlePage)
    base_content_type = base_content_type or ContentType.objects.get_for_model(Page)
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(obj.pk),
            to_content_type_id=to_type,
            to_object_id=to_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for obj in objects
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(obj)
        )
    ]
    copyrows.insert(ReferenceIndex, rows)


def index_for_search(stories) -> None:
    """Wagtail's index (the admin's search); the reader index is the caller's (above)."""
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(ArticlePage, stories)


def count_children(stories) -> None:
    """Each parent section's numchild, raised by the stories it gained."""
    added = Counter(parent_path(story) for story in stories)
    for path, count in added.items():
        Page.objects.filter(path=path).update(numchild=F("numchild") + count)


def tell_page_cache(stories) -> None:
    """What publishing tells the page cache (masthead.pagecache.listings): each story's
    listings as of its publication, and, once the batch commits, the lists it joined. (Its own
    page-<id> tag is left out: nothing can have cached a page that did not exist.) The sitemaps
    list every public story, as a publication's invalidation says."""
    prefixes = {
        story.path[:end]
        for story in stories
        for end in range(Page.steplen, len(story.path), Page.steplen)
    }
    sections = dict(SectionPage.objects.filter(path__in=prefixes).values_list("path", "pk"))
    states, changed = [], {deps.ALL_STORIES, deps.SITEMAPS}
    for story in stories:
        ancestors = (story.path[:end] for end in range(Page.steplen, len(story.path), Page.steplen))
        listings = sorted(
            {deps.section_list_tag(sections[path]) for path in ancestors if path in sections}
            | {deps.tag_list_tag(item.tag_id) for item in story.tagged_items.all()}
            | {deps.author_list_tag(byline.person_id) for byline in story.bylines.all()}
        )
        states.append(
            ListingState(page_id=story.pk, listings=listings, published_at=story.published_at)
        )
        changed.update(listings)
    ListingState.objects.bulk_create(states)
    invalidate(changed)
