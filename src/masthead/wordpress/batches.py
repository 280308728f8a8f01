"""New published posts in batches: the bulk writer of `articles.bulk` instead of
`add_child()` + `save_revision().publish()` per post (some 170 queries a story).

`import_export` hands every post here. A batch (`BATCH_SIZE` posts, in file order) is split:

- new posts (no `ImportedObject` row for their WordPress ID) that go live now, are not sticky
  and have a publication date: built in memory, as `stories.import_post` would fill them, and
  written in one transaction with their redirects (`oldurls.py`'s rules) and mapping rows, their
  search index rows (Wagtail's and the reader's) and one page cache invalidation;
- the rest (updates, drafts, pending, scheduled, private, sticky posts, and a batch whose
  bulk write failed) go through `stories.import_post` one by one, as before.

A batch commits whole or not at all, so an import killed half way leaves whole batches behind
and the next run finishes the job (`tests/wordpress/test_interrupted.py`). What a batch writes
is what the page-by-page path writes (`tests/wordpress/test_bulk.py` compares the two).
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from masthead.articles import bulk, text
from masthead.articles.models import ArticleByline, ArticlePage, ArticleTag
from masthead.search import index as reader_index
from masthead.wordpress import body, bulkurls, changes, dates, stories, taxonomy, wxr
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import FAILED, IMPORTED, Outcome

log = logging.getLogger(__name__)

# A batch's paragraphs are read three times (derived fields, Wagtail's index, the reader's), from
# `articles.text.texts_kept()`; what a batch costs whatever its size (the archive's totals, the
# queries per section) is shared by more stories in a bigger one.
BATCH_SIZE = 500


class PostBatches:
    """Collects posts as the file streams by; `flush()` at the end of the file."""

    def __init__(self, context: stories.Context, outcome: Outcome, batch_size=BATCH_SIZE):
        self.context = context
        self.outcome = outcome
        self.batch_size = batch_size
        self.items: list[wxr.Item] = []
        self.tags: dict[str, object] = {}  # name -> Tag, over the batches written

    def add(self, item: wxr.Item) -> None:
        self.items.append(item)
        if len(self.items) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        items, self.items = self.items, []
        if not items:
            return
        known = set(
            ImportedObject.objects.filter(
                site_url=self.context.site_url, kind="post", wp_id__in=[i.wp_id for i in items]
            ).values_list("wp_id", flat=True)
        )
        fresh = [i for i in items if i.wp_id not in known and goes_live_now(i, self.context)]
        done = self.write(fresh) if fresh else set()
        for item in items:
            if item.wp_id not in done:
                careful(item, self.context, self.outcome)

    def write(self, fresh: list[wxr.Item]) -> set[int]:
        """The WordPress IDs written in bulk: all of `fresh`, or none if the batch failed."""
        batch = Batch(self.context, fresh, self.tags)
        try:
            with transaction.atomic(), bulk.collections_per_batch(), text.texts_kept():
                bulk.lz4_in_transaction()
                written = batch.write()
        except Exception:  # the batch rolled back: each post takes the careful path
            log.exception("WordPress batch of %d posts failed; one by one instead", len(fresh))
            self.tags.clear()  # a tag it made is gone with it
            return set()
        finally:
            refresh_sections(self.context)
        for item, notes in written:
            for note in notes:
                self.outcome.warn(item.label, note)
            self.outcome.count("post", IMPORTED, item.label)
        for path, kind, note in batch.urls:
            self.outcome.urls.append((path, kind, note))
            if kind == "collision":
                self.outcome.warn(path, bulkurls.COLLISION)
        return {item.wp_id for item, _notes in written}


def careful(item: wxr.Item, context, outcome: Outcome) -> None:
    """`stories.import_post` for one post; one bad post never stops the run."""
    try:
        stories.import_post(item, context, outcome)
    except Exception as error:
        log.exception("WordPress %s failed", item.label)
        outcome.count("post", FAILED, item.label, f"{type(error).__name__}: {error}")


def goes_live_now(item: wxr.Item, context) -> bool:
    """A published, public, dated post that pins nothing: the bulk writer's kind."""
    if item.status != "publish" or item.password or item.sticky:
        return False
    published_at, _note = dates.publication_date(item.post_date_gmt, item.post_date, context.zone)
    return published_at is not None and stories.status_plan(item, published_at)[0] == "live"


def refresh_sections(context) -> None:
    """The sections' child counts as stored (the careful path's add_child() reads them)."""
    objects = {id(s): s for s in [*context.sections.values(), context.fallback_section]}
    counts = dict(
        Page.objects.filter(pk__in={s.pk for s in objects.values()}).values_list("pk", "numchild")
    )
    for section in objects.values():
        section.numchild = counts.get(section.pk, section.numchild)


class Batch:
    """One transaction's worth of new live stories."""

    def __init__(self, context, items: list[wxr.Item], tags: dict | None = None):
        self.context = context
        self.items = items
        self.now = timezone.now()
        self.tags: dict[str, object] = {} if tags is None else tags
        self.urls: list[tuple[str, str, str]] = []  # the report's (old path, kind, note)

    def write(self) -> list[tuple[wxr.Item, list[str]]]:
        built = [(item, *self.story(item)) for item in self.items]
        self.place([(story, section, item) for item, story, section, _notes in built])
        pages = [story for _item, story, _section, _notes in built]
        revisions = bulk.write_stories(pages, edited=True)
        reader_index.add_stories(pages)
        self.urls = bulkurls.redirect_old_links([(item.link, story) for item, story, *_ in built])
        ImportedObject.objects.bulk_create(
            ImportedObject(
                site_url=self.context.site_url,
                kind="post",
                wp_id=item.wp_id,
                object_id=story.pk,
                fingerprint=changes.fingerprint(item),
                revision_id=revision.pk,
                wp_slug=item.slug,
                old_url=item.link,
                data={"plan": "live", "reason": "", "fields": changes.field_digests(item)},
            )
            for (item, story, _section, _notes), revision in zip(built, revisions, strict=True)
        )
        return [(item, notes) for item, _story, _section, notes in built]

    def story(self, item: wxr.Item):
        """The story `stories.import_post` would fill in for `item`, unsaved."""
        context = self.context
        published_at, date_note = dates.publication_date(
            item.post_date_gmt, item.post_date, context.zone
        )
        section, extra_tags = stories.section_of(item, context)
        conversion = body.convert(item.content, lambda ref: stories.find_image(ref, context))
        notes = ([date_note] if date_note else []) + sorted(set(conversion.notes))
        story = ArticlePage(live=True, has_unpublished_changes=False)
        stories.fill(story, item, context, conversion.blocks, published_at, section)
        story.draft_title = story.title
        story.last_published_at = story.latest_revision_created_at = self.now
        story.locale_id = section.locale_id
        story.translation_key = uuid.uuid4()
        story.numchild = 0
        person = context.people.get(item.creator)
        if person is None and item.creator:
            notes.append(f"unknown author {item.creator!r}: no byline")
        story.bylines.set([ArticleByline(person=person)] if person else [])
        names = [name for domain, _slug, name in item.terms if domain == "post_tag"] + extra_tags
        tags = {tag.pk: tag for tag in map(self.tag, names) if tag is not None}
        story.tagged_items.set([ArticleTag(tag=tag) for tag in tags.values()])
        return story, section, notes

    def tag(self, name: str):
        if name not in self.tags:
            self.tags[name] = taxonomy.tag_named(name)
        return self.tags[name]

    def place(self, placed) -> None:
        """Slugs (`stories.free_slug`'s rule), tree paths after each section's last child."""
        by_section = defaultdict(list)
        for story, section, item in placed:
            by_section[section.pk].append((story, section, item))
        for entries in by_section.values():
            section = entries[0][1]
            wanted = [
                slugify(item.slug or item.title, allow_unicode=True)[:200] or f"post-{item.wp_id}"
                for _story, _section, item in entries
            ]
            children = section_children(section)
            taken = set(children.filter(slug__in=set(wanted)).values_list("slug", flat=True))
            step = last_child_step(children) + 1
            for (story, _section, item), slug in zip(entries, wanted, strict=True):
                if slug in taken:
                    slug = f"{slug[:240]}-{item.wp_id}"
                taken.add(slug)
                story.slug = slug
                story.depth = section.depth + 1
                story.path = Page._get_path(section.path, story.depth, step)
                story.url_path = f"{section.url_path}{slug}/"
                step += 1
                bulk.prepare(story)
                story.refresh_derived_fields()


def section_children(section):
    """By a range of paths (the path index answers it; child_of() is a LIKE)."""
    first = section.path + Page.alphabet[0] * Page.steplen
    last = section.path + Page.alphabet[-1] * Page.steplen
    return Page.objects.filter(path__range=(first, last), depth=section.depth + 1)


def last_child_step(children) -> int:
    last = children.order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) if last else 0
