"""What the article page shows around the story."""

from bisect import bisect_left

from masthead.articles.body_facts import linked_stories
from masthead.articles.models import ArticlePage
from masthead.articles.queries import ANY_READER, is_private, public_stories, sort_key
from masthead.curation.services import dont_miss
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.sections.models import SectionPage
from masthead.sections.tree import section_tree

LATEST_FROM_SECTION = 4


def section_trail(page) -> list[SectionPage]:
    """The sections above a story (or a section), from the top of the site down, without a
    query (the process's copy of the sections): its breadcrumbs; for a story, the last is its
    own section."""
    return section_tree().trail(page)


def section_order(section) -> list[tuple]:
    """The sort keys (oldest first) of the section's public stories, as this process last read
    them: one simple query after each change to the section's list, none in between."""

    def read():
        rows = public_stories(ANY_READER).child_of(section).values_list("published_at", "pk")
        return sorted(
            (published_at is not None, published_at or 0, pk) for published_at, pk in rows
        )

    tags = {deps.section_list_tag(section.pk), deps.RESTRICTIONS}
    return sitewide(f"section-order-{section.pk}", tags, read)


def around_story(story, section, request=None, count=LATEST_FROM_SECTION) -> dict:
    """The stories published just before and just after this one in its section, and the
    section's newest stories without it ("Latest from"): found in the section's order, then
    fetched in one query."""
    order = [key for key in section_order(section) if key[2] != story.pk]
    latest = [key[2] for key in reversed(order[-count:])]
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


def public_linked_story_ids(story, request=None) -> set[int]:
    """Which of the stories the body's "also read" blocks link to readers may see: live and
    outside any private section (from the linked pages the body fetches to show them)."""
    return {
        linked.pk
        for linked in linked_stories(story.body)
        if linked.live and not is_private(linked.path, request)
    }


def corrections_of(story) -> list:
    """The story's corrections log; no query for a story that the router found without any."""
    if getattr(story, "has_corrections", True) is False:
        return []
    return list(story.corrections.order_by("noted_at"))


def article_page_context(story, request) -> dict:
    trail = section_trail(story)
    section = trail[-1] if trail and trail[-1].path == story.path[: -story.steplen] else None
    context = {
        "section": section,
        "section_trail": trail,
        "dont_miss": dont_miss(request, exclude=story),
        "bylines": list(story.bylines.select_related("person")),
        "tags": list(story.tags.exclude(slug="").order_by("name")),
        "credit_organisation": story.credit_organisation if story.credit_organisation_id else None,
        "corrections": corrections_of(story),
        "public_link_ids": public_linked_story_ids(story, request),
    }
    if section is None:
        return context | {"previous_story": None, "next_story": None, "latest_from_section": []}
    deps.record(deps.section_list_tag(section.pk))
    return context | around_story(story, section, request)
