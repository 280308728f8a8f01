"""Which listings a story joins or leaves when it is published, moved or pulled.

A story's listings are its sections (its own and the ones above it), its tags, its authors and
the organisation it is credited to (whose author page and feeds list it);
with its public date they decide where it appears in every list. `ListingState` keeps them as
of the last publish, so the next one invalidates only the lists that changed: a fixed typo
refreshes the pages that show the story, a new story refreshes the lists it enters.
"""

from __future__ import annotations

from masthead.pagecache import deps
from masthead.pagecache.models import ListingState


def current_listings(story) -> list[str]:
    from masthead.sections.models import SectionPage

    sections = SectionPage.objects.filter(
        path__in=[story.path[:end] for end in range(story.steplen, len(story.path), story.steplen)]
    ).values_list("pk", flat=True)
    tags = story.tags.values_list("pk", flat=True)
    authors = [*story.bylines.values_list("person_id", flat=True), story.credit_organisation_id]
    return sorted(
        {deps.section_list_tag(pk) for pk in sections}
        | {deps.tag_list_tag(pk) for pk in tags}
        | {deps.author_list_tag(pk) for pk in authors if pk}
    )


def listing_changes(story) -> set[str]:
    """The list tags a publish of `story` invalidates; remembers the story's listings."""
    listings = current_listings(story)
    before = ListingState.objects.filter(page_id=story.pk).first()
    ListingState.objects.update_or_create(
        page_id=story.pk, defaults={"listings": listings, "published_at": story.published_at}
    )
    if before is None or before.published_at != story.published_at:
        # New to the lists, or moved within them: every list it is or was in changes.
        return {deps.ALL_STORIES, *listings, *(before.listings if before else [])}
    return set(listings).symmetric_difference(before.listings)


def forget_listings(story) -> set[str]:
    """The list tags a story leaves when it is unpublished or deleted."""
    before = ListingState.objects.filter(page_id=story.pk).first()
    ListingState.objects.filter(page_id=story.pk).delete()
    listings = set(before.listings) if before else set()
    if story.pk is not None and story.path:
        listings |= set(current_listings(story))
    return {deps.ALL_STORIES, *listings}
