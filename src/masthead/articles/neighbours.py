"""The stories around a story in its section: previous, next and "Latest from" (read from the
section's order, which this process keeps)."""

from bisect import bisect_left
from itertools import islice

from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_stories, sort_key
from masthead.core.tree import just_below
from masthead.core.visibility import ANY_READER
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide

LATEST_FROM_SECTION = 4


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


def around_story(story, section, request=None, count=LATEST_FROM_SECTION, skip=()) -> dict:
    """The stories published just before and just after this one in its section, and the
    section's newest stories without it and without those in `skip` ("Latest from"): found in
    the section's order, then fetched in one query."""
    order = [key for key in section_order(section) if key[2] != story.pk]
    latest = list(islice((key[2] for key in reversed(order) if key[2] not in skip), count))
    previous_id = following_id = None
    if story.published_at is not None and story.pk is not None:
        at = bisect_left(order, sort_key(story))
        if at > 0 and order[at - 1][0]:
            previous_id = order[at - 1][2]
        if at < len(order):
            following_id = order[at][2]
    wanted = {*latest, previous_id, following_id} - {None}
    found = {}
    if wanted:
        found = {
            s.pk: s for s in ArticlePage.objects.live().defer_streamfields().filter(pk__in=wanted)
        }
    return {
        "previous_story": found.get(previous_id),
        "next_story": found.get(following_id),
        "latest_from_section": [found[pk] for pk in latest if pk in found],
    }
