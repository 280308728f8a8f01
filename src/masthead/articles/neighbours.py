"""The stories around a story in its section: previous, next and "Latest from" (read from the
section's order, which this process keeps)."""

from bisect import bisect_left
from itertools import islice

from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_stories, sort_key
from masthead.core.prepared import Prepared
from masthead.core.tree import just_below
from masthead.core.visibility import ANY_READER
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide

LATEST_FROM_SECTION = 4
# The section's newest stories this process keeps beyond those "Latest from" shows: enough for
# it to skip the story being read and the Don't Miss picks without a query.
SPARE_NEWEST = 12


def section_order(section) -> list[tuple]:
    """The sort keys (oldest first) of the section's public stories, as this process last read
    them: one simple query after each change to the section's list, none in between."""

    def read():
        rows = (
            public_stories(ANY_READER).filter(just_below(section)).values_list("published_at", "pk")
        )
        return sorted(
            (published_at is not None, published_at or 0, pk) for published_at, pk in rows
        )

    tags = {deps.section_list_tag(section.pk), deps.RESTRICTIONS}
    return sitewide(f"section-order-{section.pk}", tags, read)


def _live_stories(ids):
    return ArticlePage.objects.live().defer_streamfields().filter(pk__in=ids)


# Two ids (or one and 0, which no page has), compiled once per process.
_two_live_stories = Prepared(
    lambda first, second: _live_stories([first, second]), first=int, second=int
)

# What the pager shows of previous and next: their headlines and links. A story read with
# every column costs as much again to build as these few.
PAGER_FIELDS = ("title", "url_path")
_pager_stories = Prepared(
    lambda first, second: _live_stories([first, second]).only(*PAGER_FIELDS),
    first=int,
    second=int,
)


def live_stories(ids, pager=False) -> dict:
    """The live stories with these ids (without their bodies), by id; with `pager`, at most
    two, with only what the pager shows of them."""
    if not ids:
        return {}
    if len(ids) <= 2:
        first, second = (*ids, 0)[:2]
        prepared = _pager_stories if pager else _two_live_stories
        stories = prepared.run(first=first, second=second)
    else:
        stories = _live_stories(ids)
    return {story.pk: story for story in stories}


def section_newest(section) -> dict:
    """The section's newest stories ("Latest from" picks from them), by id, as this process last
    read them: read again when the section's list changes or one of them does (a story records
    its own tag as it loads)."""

    def read():
        order = section_order(section)
        return live_stories(
            [key[2] for key in islice(reversed(order), LATEST_FROM_SECTION + SPARE_NEWEST)]
        )

    tags = {deps.section_list_tag(section.pk), deps.RESTRICTIONS}
    return sitewide(f"section-newest-{section.pk}", tags, read)


def neighbour_ids(order, story) -> tuple:
    """The ids of the stories just before and just after `story` in the section's `order`
    (which may hold the story itself: it is stepped over)."""
    if story.published_at is None or story.pk is None:
        return None, None
    pk, at = story.pk, bisect_left(order, sort_key(story))
    previous_id = following_id = None
    before = at - 1
    while before >= 0 and order[before][2] == pk:
        before -= 1
    if before >= 0 and order[before][0]:
        previous_id = order[before][2]
    while at < len(order) and order[at][2] == pk:
        at += 1
    if at < len(order):
        following_id = order[at][2]
    return previous_id, following_id


def around_story(story, section, request=None, count=LATEST_FROM_SECTION, skip=()) -> dict:
    """The stories published just before and just after this one in its section, and the
    section's newest stories without it and without those in `skip` ("Latest from"): found in
    the section's order, the newest kept by this process, the others fetched in one query."""
    order = section_order(section)
    pk = story.pk
    latest = list(
        islice((key[2] for key in reversed(order) if key[2] != pk and key[2] not in skip), count)
    )
    previous_id, following_id = neighbour_ids(order, story)
    newest = section_newest(section) if latest else {}
    # Previous and next are always read (in one short query, with any of "Latest from" that
    # the process does not keep): a story costs as many queries in any section of any size.
    kept = {key: newest[key] for key in latest if key in newest}
    neighbours = {previous_id, following_id} - {None}
    missing = {*latest} - kept.keys()
    found = live_stories(neighbours | missing, pager=not missing) | kept
    return {
        "previous_story": found.get(previous_id),
        "next_story": found.get(following_id),
        "latest_from_section": [found[key] for key in latest if key in found],
    }
