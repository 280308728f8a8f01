"""New published posts are written in batches (wordpress/batches.py): the same export imported
one post at a time and in batches leaves the same stories, revisions, history, URLs, redirects,
search hits (the admin's and the reader's), references, page cache listings and mapping rows."""

import logging
import re

import pytest
from bench.wxr_export import write_archive
from django.db import connection, transaction
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from masthead.articles.models import ArticlePage
from masthead.pagecache.models import ListingState
from masthead.people.models import Person
from masthead.wordpress.models import ImportedObject
from tests.pages import parse
from tests.wordpress.commands import run
from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.django_db

ROW_IDS = re.compile(r"(?<=\.)([0-9a-f]{8}-[0-9a-f-]{27}|\d+)(?=\.)")  # a block's, a row's


class Rollback(Exception):
    pass


def without_ids(blocks) -> list:
    """Blocks without their ids, an image named by its title (ids differ where PostgreSQL's
    sequences outlive the first run's rollback)."""
    return [{key: named(value) for key, value in block.items() if key != "id"} for block in blocks]


def named(value):
    if isinstance(value, dict):
        return {
            key: Image.objects.get(pk=item).title if key == "image" and item else named(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [named(item) for item in value]
    return value


def story_facts(story: ArticlePage, row: ImportedObject) -> dict:
    revisions = story.revisions.order_by("pk")
    content = revisions.last().content
    return {
        "fields": (
            story.title,
            story.draft_title,
            story.slug,
            story.url_path,
            story.url,
            story.depth,
            story.get_parent().slug,
            story.numchild,
            story.live,
            story.has_unpublished_changes,
            story.published_at,
            story.first_published_at,
            story.standfirst,
            without_ids(story.body.raw_data),
            story.seo_title,
            story.search_description,
            story.canonical_url,
            story.lead_image.title if story.lead_image else None,
            (story.lead_image_alt, story.lead_image_caption, story.lead_image_credit),
            (story.word_count, story.reading_minutes, story.summary),
            story.minor_edit,
            story.locale_id,
            story.modified_at,  # WordPress's modified date, never the import's time
        ),
        "bylines": [(b.person.slug, b.role, b.sort_order) for b in story.bylines.all()],
        "tags": sorted(tag.name for tag in story.tags.all()),
        # One revision, live and latest, the one the mapping row remembers.
        "revisions": revisions.count(),
        "live_is_latest": story.live_revision_id == story.latest_revision_id == row.revision_id,
        "revision": (
            content["title"],
            content["slug"],
            content["standfirst"],
            without_ids(content["body"] if isinstance(content["body"], list) else []),
            # By name: ids differ where PostgreSQL's sequences outlive the first run's rollback.
            sorted(
                Tag.objects.get(pk=item["tag"]).name for item in content.get("tagged_items", [])
            ),
            [
                (Person.objects.get(pk=b["person"]).slug, b["role"])
                for b in content.get("bylines", [])
            ],
        ),
        "log": list(
            PageLogEntry.objects.filter(page=story)
            .order_by("pk")
            .values_list("action", "revision_id")
        ),
        "references": sorted(
            (ref.model_path, ROW_IDS.sub("<id>", ref.content_path))
            for ref in ReferenceIndex.get_references_for_object(story)
        ),
        "listings": [  # the kinds of lists (the ids: as the revision's, above)
            sorted(re.sub(r"\d+", "#", tag) for tag in listings)
            for listings in ListingState.objects.filter(page_id=story.pk).values_list(
                "listings", flat=True
            )
        ],
        "mapping": (row.fingerprint, row.wp_slug, row.old_url, row.data),
    }


def snapshot(client) -> dict:
    rows = ImportedObject.objects.filter(kind="post").order_by("wp_id")
    stories = {}
    for row in rows:
        story = ArticlePage.objects.get(pk=row.object_id)
        facts = story_facts(story, row)
        facts["log"] = [
            (action, revision == story.latest_revision_id) for action, revision in facts["log"]
        ]
        stories[row.wp_id] = facts
    images = {image.file.url: image for image in Image.objects.all()}
    redirects = {
        # A file's name may differ (the first import's copies stay on disk): its image's title.
        r.old_path: r.redirect_page.url
        if r.redirect_page
        else (images[r.redirect_link].title if r.redirect_link in images else r.redirect_link)
        for r in Redirect.objects.all()
    }
    image_rows = sorted(
        (i.title, i.width, i.height, i.file_size, i.file_hash, i.collection_id)
        for i in images.values()
    )
    image_hits = sorted(i.title for i in Image.objects.search("photo"))
    image_references = ReferenceIndex.objects.filter(base_content_type__model="image").count()
    live = ArticlePage.objects.live().order_by("title")
    words = [story.title.split()[0] for story in live[:6]] + ["council", "river"]
    reader_hits = {
        word: parse(client.get("/search/", {"q": word})).xpath("//main//a/@href") for word in words
    }
    admin_hits = {
        word: sorted(s.url_path for s in ArticlePage.objects.search(word, operator="and"))
        for word in words
    }
    return {
        "stories": stories,
        "redirects": redirects,
        "images": (image_rows, image_hits, image_references),
        "reader_hits": reader_hits,
        "admin_hits": admin_hits,
        "tree": Page.find_problems(),
        "old_urls": {  # files: in "redirects", by their image
            url: client.get(url).get("Location")
            for url in list(redirects)[:40]
            if not url.startswith("/wp-content/")
        },
        "p": {wp_id: client.get(f"/?p={wp_id}").get("Location") for wp_id in list(stories)[:20]},
    }


class Counted:
    """The SQL statements run inside (no cap, unlike CaptureQueriesContext's log)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self.wrapper = connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)

    def __len__(self):
        return self.count


def both_ways(client, path, *args):
    """(one post at a time, in batches, and the queries each took), on one database."""
    try:
        with transaction.atomic():
            with Counted() as careful_queries:
                careful_output = run(path, "--batch-size", "1", *args)
            careful = snapshot(client)
            raise Rollback
    except Rollback:
        pass
    assert not ImportedObject.objects.exists()
    with Counted() as bulk_queries:
        bulk_output = run(path, "--batch-size", "7", *args)
    bulk = snapshot(client)
    return (careful, careful_output, len(careful_queries)), (bulk, bulk_output, len(bulk_queries))


@pytest.fixture
def no_failed_batch(caplog):
    caplog.set_level(logging.ERROR, logger="masthead.wordpress.batches")
    yield
    assert not caplog.records, [record.getMessage() for record in caplog.records]


def assert_same(careful, bulk):
    assert careful["stories"].keys() == bulk["stories"].keys()
    for wp_id, facts in careful["stories"].items():
        batched = bulk["stories"][wp_id]
        # Wagtail indexes a new story's tag references only from its next save (its first
        # publish saves the tags after indexing); a batch has them at once, as a rebuild
        # (`masthead rebuild_references_index`) writes them.
        assert set(facts.pop("references")) <= set(batched.pop("references")), wp_id
        for key, value in facts.items():
            assert batched[key] == value, (wp_id, key)
    for key in ("redirects", "images", "reader_hits", "admin_hits", "tree", "old_urls", "p"):
        assert bulk[key] == careful[key], key


def test_a_generated_archive_imports_the_same_one_by_one_and_in_batches(
    home, client, tmp_path, no_failed_batch
):
    export, uploads = write_archive(tmp_path, 24)
    (careful, careful_out, careful_queries), (bulk, bulk_out, bulk_queries) = both_ways(
        client, export, "--uploads", str(uploads)
    )
    assert "post: 24 imported" in careful_out and "post: 24 imported" in bulk_out
    assert_same(careful, bulk)
    assert any(facts["fields"][17] for facts in bulk["stories"].values())  # lead images
    assert len(bulk["images"][0]) == 8 and len(bulk["images"][1]) == 8
    assert any(hits for hits in bulk["reader_hits"].values())
    assert bulk_queries < careful_queries / 2, (bulk_queries, careful_queries)
    assert "24 unchanged" in run(export, "--uploads", str(uploads))


def test_our_fixture_imports_the_same_one_by_one_and_in_batches(
    home, client, uploads, no_failed_batch
):
    """Drafts, pending, scheduled, private and sticky posts beside published ones."""
    (careful, careful_out, _), (bulk, bulk_out, _) = both_ways(
        client, FIXTURES / "newsroom.xml", "--uploads", str(uploads)
    )
    assert_same(careful, bulk)
    # The same summary and notes; a batch's posts are listed before the others of its batch.
    assert sorted(careful_out.splitlines()) == sorted(bulk_out.splitlines())


def test_a_batch_that_fails_is_imported_one_by_one(home, client, tmp_path, caplog, monkeypatch):
    from masthead.wordpress import batches

    def broken(*args, **kwargs):
        raise RuntimeError("the search backend is down")

    monkeypatch.setattr(batches.reader_index, "add_stories", broken)
    export, uploads = write_archive(tmp_path, 5)
    output = run(export, "--uploads", str(uploads), "--batch-size", "3")
    assert "post: 5 imported" in output
    assert "batch of 3 posts failed" in caplog.text
    assert ArticlePage.objects.live().count() == 5
    assert Page.find_problems() == ([], [], [], [], [])


def test_a_batch_compresses_its_large_values_with_lz4_on_postgresql(home, tmp_path):
    """The server's CPU: LZ4 costs it several times less than pglz for the bodies, revisions
    and search texts of a batch."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's compression of large values")
    export, uploads = write_archive(tmp_path, 4)
    run(export, "--uploads", str(uploads))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_compression(r.content), pg_column_compression(a.body)"
            " FROM wagtailcore_revision r JOIN articles_articlepage a"
            " ON r.object_id = a.page_ptr_id::text"
        )
        methods = {method for row in cursor.fetchall() for method in row}
    assert "lz4" in methods and "pglz" not in methods, methods
