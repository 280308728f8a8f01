"""What the editors' curation invalidates in the page cache: only what changed (a pin saved
unchanged by the admin's inline formset refreshes nothing)."""

from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from masthead.pagecache import changes, deps

BANNER_FIELDS = ("banner_text", "banner_story_id", "banner_expires_at")
PIN_FIELDS = ("curation_id", "story_id", "slot", "expires_at", "sort_order")
PICK_FIELDS = ("curation_id", "story_id", "expires_at", "sort_order")


def connect() -> None:
    changes.invalidate_when_changed(Curation, deps.BANNER, BANNER_FIELDS)
    changes.invalidate_when_changed(FrontPagePin, deps.PINS, PIN_FIELDS)
    changes.invalidate_when_changed(DontMissPick, deps.PICKS, PICK_FIELDS)
