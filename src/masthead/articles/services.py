"""What the article page shows around the story."""

from masthead.articles.queries import after, before, newest_first, oldest_first, public_stories
from masthead.curation.services import dont_miss
from masthead.sections.models import SectionPage

LATEST_FROM_SECTION = 4


def section_trail(page) -> list[SectionPage]:
    """The sections above a story (or a section), from the top of the site down, in one query:
    its breadcrumbs; for a story, the last is its own section."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path), step)]
    return list(SectionPage.objects.filter(path__in=paths).order_by("path"))


def neighbours(story, section, request=None):
    """The stories published just before and just after this one in its section."""
    if story.published_at is None or story.pk is None:
        return None, None
    siblings = public_stories(request).child_of(section).exclude(pk=story.pk)
    previous = newest_first(siblings.filter(before(story))).first()
    following = oldest_first(siblings.filter(after(story))).first()
    return previous, following


def latest_from_section(section, exclude=None, request=None, count=LATEST_FROM_SECTION):
    """The section's newest stories at the time of the request."""
    stories = public_stories(request).child_of(section)
    if exclude is not None and exclude.pk is not None:
        stories = stories.exclude(pk=exclude.pk)
    return list(newest_first(stories)[:count])


def public_linked_story_ids(story, request=None) -> set[int]:
    """Which of the stories the body's "also read" blocks link to readers may see (one query)."""
    ids = {
        block.value["story"].pk
        for block in story.body
        if block.block_type == "also_read" and block.value.get("story") is not None
    }
    if not ids:
        return set()
    return set(public_stories(request).filter(pk__in=ids).values_list("pk", flat=True))


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
        "corrections": list(story.corrections.order_by("noted_at")),
        "public_link_ids": public_linked_story_ids(story, request),
    }
    if section is None:
        return context | {"previous_story": None, "next_story": None, "latest_from_section": []}
    previous, following = neighbours(story, section, request)
    return context | {
        "previous_story": previous,
        "next_story": following,
        "latest_from_section": latest_from_section(section, story, request),
    }
