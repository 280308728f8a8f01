"""What the article page shows around the story."""

from django.db.models import Q

from masthead.articles.queries import (
    after,
    before,
    is_private,
    newest_first,
    oldest_first,
    public_stories,
    sort_key,
)
from masthead.curation.services import dont_miss
from masthead.pagecache import deps
from masthead.sections.models import SectionPage
from masthead.sections.tree import section_tree

LATEST_FROM_SECTION = 4


def section_trail(page) -> list[SectionPage]:
    """The sections above a story (or a section), from the top of the site down, without a
    query (the process's copy of the sections): its breadcrumbs; for a story, the last is its
    own section."""
    return section_tree().trail(page)


def around_story(story, section, request=None, count=LATEST_FROM_SECTION) -> dict:
    """The stories published just before and just after this one in its section, and the
    section's newest stories without it ("Latest from"), in one query."""
    siblings = public_stories(request).child_of(section).exclude(pk=story.pk)
    wanted = Q(pk__in=newest_first(siblings).values("pk")[:count])
    dated = story.published_at is not None and story.pk is not None
    if dated:
        wanted |= Q(pk__in=newest_first(siblings.filter(before(story))).values("pk")[:1])
        wanted |= Q(pk__in=oldest_first(siblings.filter(after(story))).values("pk")[:1])
    stories = sorted(siblings.filter(wanted), key=sort_key, reverse=True)  # newest first
    previous = following = None
    if dated:
        here = sort_key(story)
        # The newest of the older ones, the oldest of the newer ones: each is in the query's
        # rows (its own subquery found it), and no row lies between it and the story.
        previous = next(
            (s for s in stories if s.published_at is not None and sort_key(s) < here), None
        )
        following = next((s for s in reversed(stories) if sort_key(s) > here), None)
    return {
        "previous_story": previous,
        "next_story": following,
        "latest_from_section": stories[:count],
    }


def public_linked_story_ids(story, request=None) -> set[int]:
    """Which of the stories the body's "also read" blocks link to readers may see: live and
    outside any private section (from the linked pages the body fetches to show them)."""
    ids = set()
    for block in story.body:
        if block.block_type != "also_read":
            continue
        linked = block.value.get("story")
        if linked is not None and linked.live and not is_private(linked.path, request):
            ids.add(linked.pk)
    return ids


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
        "tags": list(story.tags.order_by("name")),
        "credit_organisation": story.credit_organisation if story.credit_organisation_id else None,
        "corrections": corrections_of(story),
        "public_link_ids": public_linked_story_ids(story, request),
    }
    if section is None:
        return context | {"previous_story": None, "next_story": None, "latest_from_section": []}
    deps.record(deps.section_list_tag(section.pk))
    return context | around_story(story, section, request)
