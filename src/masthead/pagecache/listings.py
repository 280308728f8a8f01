"""Which lists a page joins or leaves when it is published, moved or pulled.

The content apps say which list tags a page is in (for a story: its sections, tags, authors);
`ListingState` keeps them as of the last publish, so that the next one invalidates only the
lists that changed: a fixed typo refreshes the pages that show the story, a new story refreshes
the lists it enters.
"""

from __future__ import annotations

from collections.abc import Iterable

from masthead.pagecache import deps
from masthead.pagecache.models import ListingState


def listing_changes(page_id, published_at, listings: Iterable[str]) -> set[str]:
    """The list tags a publish of page `page_id`, now in `listings` with the public date
    `published_at`, invalidates; remembers its listings."""
    listings = sorted(set(listings))
    before = ListingState.objects.filter(page_id=page_id).first()
    ListingState.objects.update_or_create(
        page_id=page_id, defaults={"listings": listings, "published_at": published_at}
    )
    if before is None or before.published_at != published_at:
        # New to the lists, or moved within them: every list it is or was in changes.
        return {deps.ALL_STORIES, *listings, *(before.listings if before else [])}
    return set(listings).symmetric_difference(before.listings)


def forget_listings(page_id, listings: Iterable[str] = ()) -> set[str]:
    """The list tags a page leaves when it is unpublished or deleted: the lists it was in at
    its last publish, and `listings` (those it is in now)."""
    before = ListingState.objects.filter(page_id=page_id).first()
    ListingState.objects.filter(page_id=page_id).delete()
    return {deps.ALL_STORIES, *(before.listings if before else []), *listings}
