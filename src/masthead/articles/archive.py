"""The archive's totals (`totals.py`) kept current, and read.

Every change that shows or hides a story (the ones the reader index follows, `search/follow.py`)
calls `follow`, `follow_under` or `add` in its own transaction: the story's old lists are read
from its `ArchiveMember` rows, its new ones from the story as stored, and the totals of every
list it left or joined are counted again from the members, by the index on (root, kind, ref).
A publish costs a few queries and the count of the lists it touches, never one over the archive.
Each row carries the story's public date: a list's stories in order are a walk of the index on
(kind, ref, published_at, page), which the listings (`lists.py`) and the stories around a story
(`neighbours.py`, by the FILED lists) read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from django.db import connection
from django.db.models import Count, Max, OuterRef, Q, Subquery
from wagtail.models import Page

from masthead.articles.models import ArticleByline, ArticlePage, ArticleTag
from masthead.articles.totals import ArchiveMember, ArchiveTotal
from masthead.core.dates import in_newsroom
from masthead.core.visibility import view_restrictions

MONTH, SECTION, TAG, PERSON = "month", "section", "tag", "person"
FILED = "filed"  # the section a story is filed in: its parent alone (SECTION: every one above)
STEP = Page.steplen
ROOT_DEPTH = 2  # the sites' roots: children of the tree's root
ROOT_LEN = STEP * ROOT_DEPTH
Key = tuple[str, str, int]  # (root, kind, ref)
LOCK = 0x4D415354_41524348  # "MAST" "ARCH": the totals' advisory lock on PostgreSQL
MANY = 200  # more lists of one kind than this are counted again all at once


def month_ref(published_at) -> int:
    local = in_newsroom(published_at)
    return local.year * 100 + local.month


def _members(stories: list[ArticlePage]) -> list[ArchiveMember]:
    """The lists each of `stories` (live, public, dated) is in: four queries for any number."""
    pks = [story.pk for story in stories]
    tags, people = defaultdict(set), defaultdict(set)
    for page, tag in ArticleTag.objects.filter(content_object__in=pks).values_list(
        "content_object", "tag"
    ):
        tags[page].add(tag)
    for page, person in ArticleByline.objects.filter(page__in=pks).values_list("page", "person"):
        people[page].add(person)
    above = {story.path[:end] for story in stories for end in _ends(story.path)}
    sections = dict(Page.objects.filter(path__in=above).values_list("path", "pk"))
    members = []
    for story in stories:
        refs = [(MONTH, month_ref(story.published_at))]
        refs += [(SECTION, sections[story.path[:end]]) for end in _ends(story.path)]
        refs += [(FILED, sections[story.path[:-STEP]])]
        refs += [(TAG, tag) for tag in tags[story.pk]]
        refs += [(PERSON, person) for person in people[story.pk] | {story.credit_organisation_id}]
        members += [
            ArchiveMember(
                page_id=story.pk,
                root=story.path[:ROOT_LEN],
                kind=kind,
                ref=ref,
                modified=story.modified_at.replace(microsecond=0),
                published_at=story.published_at,
            )
            for kind, ref in refs
            if ref is not None
        ]
    return members


def _ends(path: str) -> range:
    """The lengths of the paths of the pages above a story, from its site's root down."""
    return range(ROOT_LEN, len(path), STEP)


def _public(stories: Iterable[ArticlePage], restrictions) -> list[ArticlePage]:
    return [
        story
        for story in stories
        if story.live
        and story.published_at is not None
        and len(story.path) > ROOT_LEN
        and not any(restriction.covers(story.path) for restriction in restrictions)
    ]


def _lists(keys: Iterable[Key]) -> Q:
    """The rows of these lists (of a kind's every list when many of that kind are asked for)."""
    by_list = defaultdict(set)
    for root, kind, ref in keys:
        by_list[root, kind].add(ref)
    lists = Q(pk__in=[])
    for (root, kind), refs in by_list.items():
        few = len(refs) <= MANY
        lists |= Q(root=root, kind=kind, ref__in=refs) if few else Q(root=root, kind=kind)
    return lists


def recount(keys: set[Key]) -> None:
    """The totals of these lists again, from their members."""
    if not keys:
        return
    lists = _lists(keys)
    ArchiveTotal.objects.filter(lists).delete()
    rows = (
        ArchiveMember.objects.filter(lists)
        .values("root", "kind", "ref")
        .annotate(count=Count("pk"), lastmod=Max("modified"))
        .order_by()
    )
    ArchiveTotal.objects.bulk_create((ArchiveTotal(**row) for row in rows), batch_size=500)


def _grow(members: list[ArchiveMember]) -> None:
    """The totals of the lists `members` join (stories that were in no list): added to."""
    grown = {}
    for member in members:
        count, lastmod = grown.get(_key(member), (0, member.modified))
        grown[_key(member)] = (count + 1, max(lastmod, member.modified))
    if not grown:
        return
    totals = {_key(total): total for total in ArchiveTotal.objects.filter(_lists(grown))}
    new = []
    for key, (count, lastmod) in grown.items():
        total = totals.get(key)
        if total is None:
            new.append(ArchiveTotal(root=key[0], kind=key[1], ref=key[2], count=0, lastmod=lastmod))
            total = new[-1]
        total.count += count
        total.lastmod = max(total.lastmod, lastmod)
    ArchiveTotal.objects.bulk_update(totals.values(), ["count", "lastmod"], batch_size=500)
    ArchiveTotal.objects.bulk_create(new, batch_size=500)


def _key(member: ArchiveMember) -> Key:
    return (member.root, member.kind, member.ref)


def _one_at_a_time() -> None:
    """On PostgreSQL, changes to the totals take turns until their transactions end: two
    stories published at once into one month would otherwise each count the month without the
    other's row, or both insert its total. (SQLite's writers take turns already.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])


def _replace(old: Q, stories: Iterable[ArticlePage], restrictions) -> set[Key]:
    """The members of `old` gone, those of `stories` in: the keys of the lists touched."""
    _one_at_a_time()
    gone = ArchiveMember.objects.filter(old)
    keys = set(gone.values_list("root", "kind", "ref").distinct())
    gone.delete()
    members = _members(_public(stories, restrictions))
    ArchiveMember.objects.bulk_create(members, batch_size=500)
    return keys | {_key(member) for member in members}


def follow(page_id: int) -> None:
    """The story's lists as it is now stored (none if it is gone, hidden or undated)."""
    stories = ArticlePage.objects.filter(pk=page_id).defer_streamfields()
    recount(_replace(Q(page_id=page_id), stories, view_restrictions()))


def forget(page_id: int) -> None:
    """The story leaves its lists (unpublished, or about to be deleted while still live)."""
    recount(_replace(Q(page_id=page_id), [], ()))


def follow_under(path: str) -> None:
    """Every story at or below the tree `path` again (a move, a view restriction)."""
    stories = ArticlePage.objects.filter(path__startswith=path).defer_streamfields()
    recount(_replace(Q(page__path__startswith=path), stories, view_restrictions()))


def add(stories: list[ArticlePage], restrictions) -> None:
    """Bulk writes: `stories`, in no list yet, join theirs; their totals grow."""
    _one_at_a_time()
    members = _members(_public(stories, restrictions))
    ArchiveMember.objects.bulk_create(members, batch_size=500)
    _grow(members)


def rebuild() -> None:
    """No story in any list: `add` fills them again."""
    ArchiveMember.objects.all().delete()
    ArchiveTotal.objects.all().delete()


def fill(batch: int = 500) -> None:
    """Every live story's lists from nothing (the migration that made the tables)."""
    rebuild()
    restrictions = view_restrictions()
    stories = ArticlePage.objects.live().defer_streamfields().order_by("pk")
    last = 0
    while chunk := list(stories.filter(pk__gt=last)[:batch]):
        add(chunk, restrictions)
        last = chunk[-1].pk


def _rows(root: Page, kind: str):
    if root.depth == ROOT_DEPTH:
        return ArchiveTotal.objects.filter(root=root.path, kind=kind).values_list(
            "ref", "count", "lastmod"
        )
    # A site rooted deeper in the tree: its stories' members, counted now.
    return (
        ArchiveMember.objects.filter(
            root=root.path[:ROOT_LEN], kind=kind, page__path__startswith=root.path
        )
        .values_list("ref")
        .annotate(count=Count("pk"), lastmod=Max("modified"))
        .order_by()
    )


def list_count(kind: str, ref: int) -> int:
    """How many public stories the list of `kind` and `ref` holds (a section with its
    subsections, a tag, a person), over every site: one stored row a site, kept in the
    transaction of each change that shows or hides a story, not a count over the stories."""
    rows = ArchiveTotal.objects.filter(kind=kind, ref=ref).values_list("count", flat=True)
    return sum(rows)


def totals(root: Page, kind: str) -> dict[int, tuple[int, datetime]]:
    """{ref: (count, lastmod)} of the lists of `kind` on the site whose root is `root`."""
    return {ref: (count, lastmod) for ref, count, lastmod in _rows(root, kind)}


def by_slug(root: Page, kind: str, model) -> list[tuple[str, datetime]]:
    """(slug, lastmod) of the tags or people (`model`) with lists of `kind`, by slug, in one
    query; those without a slug (no address) left out."""
    slug = Subquery(model.objects.filter(pk=OuterRef("ref")).values("slug")[:1])
    rows = _rows(root, kind).annotate(slug=slug).exclude(slug="").exclude(slug__isnull=True)
    return list(rows.order_by("slug").values_list("slug", "lastmod"))
