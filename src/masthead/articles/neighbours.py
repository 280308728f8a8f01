"""The stories around a story in its section: previous, next and "Latest from".

All three read the archive's memberships of the section the story is filed in (`archive.FILED`:
the stories directly under it), in the order of their index (kind, ref, published_at, page):
previous and next are the rows on either side of the story's place, each one step of the index
from there (keyset), fetched with the stories in one query; "Latest from" picks from the
section's newest few stories, which this process keeps until the section's list changes. No
process keeps a whole section: a story costs as much in a section of any size.
"""

from datetime import datetime

from django.db.models import Q

from masthead.articles.archive import FILED
from masthead.articles.lists import NEWEST_FIRST
from masthead.articles.models import ArticlePage
from masthead.articles.queries import sort_key
from masthead.articles.totals import ArchiveMember
from masthead.core.prepared import Prepared
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide

LATEST_FROM_SECTION = 4
# The section's newest stories this process keeps beyond those "Latest from" shows: enough for
# it to skip the story being read and the Don't Miss picks without a query.
SPARE_NEWEST = 12
NEWEST_KEPT = LATEST_FROM_SECTION + SPARE_NEWEST

# What the pager shows of previous and next: their headlines and links (and the public date,
# which tells which is which). A story read with every column costs as much again to build.
PAGER_FIELDS = ("title", "url_path")


def filed_in(section_id: int):
    """The memberships of the stories filed directly in the section (as `core.tree.just_below`)."""
    return ArchiveMember.objects.filter(kind=FILED, ref=section_id)


def _newest(section_id: int, count: int, without=()):
    rows = filed_in(section_id).exclude(page_id__in=without) if without else filed_in(section_id)
    return rows.order_by(*NEWEST_FIRST).values("page_id")[:count]


def _just_before(section: int, page: int, at: datetime):
    """The id of the story just before (at, page) in the section's order: the range on the date
    starts the index walk at the story's place, so it reads a row or two, never those newer."""
    rows = filed_in(section).filter(
        Q(published_at__lt=at) | Q(page_id__lt=page), published_at__lte=at
    )
    rows = rows.exclude(page_id=page).order_by("-published_at", "-page_id")
    return rows.values("page_id")[:1]


def _just_after(section: int, page: int, at: datetime):
    """The id of the story just after (at, page) in the section's order, as `_just_before`."""
    rows = filed_in(section).filter(
        Q(published_at__gt=at) | Q(page_id__gt=page), published_at__gte=at
    )
    rows = rows.exclude(page_id=page).order_by("published_at", "page_id")
    return rows.values("page_id")[:1]


# Previous and next with only what the pager shows of them, in one query compiled once per
# process: `pk = (SELECT ... LIMIT 1) OR pk = (SELECT ... LIMIT 1)`.
_pager_stories = Prepared(
    lambda section, page, at: (
        ArticlePage.objects.live()
        .filter(Q(pk=_just_before(section, page, at)) | Q(pk=_just_after(section, page, at)))
        .only(*PAGER_FIELDS, "published_at")
        .order_by()  # (two rows: told apart by their dates)
    ),
    section=int,
    page=int,
    at=datetime,
)


def pager(story, section) -> tuple:
    """The stories just before and just after `story` in its section (None where there is
    none), whether or not the story itself is listed there (a preview, a private story)."""
    if story.published_at is None or story.pk is None:
        return None, None
    pair = _pager_stories.run(section=section.pk, page=story.pk, at=story.published_at)
    key = sort_key(story)
    previous = next((found for found in pair if sort_key(found) < key), None)
    following = next((found for found in pair if sort_key(found) > key), None)
    return previous, following


def section_newest(section) -> list:
    """The section's newest stories, newest first ("Latest from" picks from them), as this
    process last read them: read again when the section's list changes or one of them does (a
    story records its own tag as it loads)."""

    def read():
        return _live_newest(section.pk, NEWEST_KEPT)

    tags = {deps.section_list_tag(section.pk), deps.RESTRICTIONS}
    return sitewide(f"section-newest-{section.pk}", tags, read)


def _live_newest(section_id: int, count: int, without=()) -> list:
    ids = _newest(section_id, count, without)
    stories = ArticlePage.objects.live().defer_streamfields().filter(pk__in=ids).order_by()
    return sorted(stories, key=sort_key, reverse=True)


def around_story(story, section, request=None, count=LATEST_FROM_SECTION, skip=()) -> dict:
    """The stories published just before and just after this one in its section, and the
    section's newest stories without it and without those in `skip` ("Latest from"): the
    newest kept by this process, previous and next fetched in one query."""
    newest = section_newest(section)
    left_out = {story.pk, *skip}
    latest = [found for found in newest if found.pk not in left_out][:count]
    if len(latest) < count and len(newest) == NEWEST_KEPT:
        # More of the newest skipped than the process keeps spare: read past them.
        latest = _live_newest(section.pk, count, left_out - {None})
    previous, following = pager(story, section)
    return {"previous_story": previous, "next_story": following, "latest_from_section": latest}
