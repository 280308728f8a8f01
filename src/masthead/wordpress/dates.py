"""WordPress dates: the GMT date of a post, or its local date in the newsroom's time zone."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

EMPTY = {"", "0000-00-00 00:00:00"}


def publication_date(post_date_gmt: str, post_date: str, zone: ZoneInfo):
    """(aware datetime or None, note). The GMT date where the export has one; else the local
    `post_date` read in `zone` (drafts carry 0000-00-00 as their GMT date)."""
    gmt = (post_date_gmt or "").strip()
    if gmt not in EMPTY:
        try:
            return datetime.fromisoformat(gmt).replace(tzinfo=UTC), ""
        except ValueError:
            pass
    local = (post_date or "").strip()
    if local in EMPTY:
        return None, "no date in the export"
    try:
        moment = timezone.make_aware(datetime.fromisoformat(local), zone)
    except ValueError:
        return None, f"impossible date {local!r}: left empty"
    return moment, f"no GMT date: the local date {local} read in {zone.key}"


def updated_date(item, published_at, zone: ZoneInfo):
    """The WordPress modified date (`post_modified_gmt`, else `post_modified` in `zone`) where
    it is later than the publication date, else None: an import is not an editorial update."""
    if published_at is None:
        return None
    modified, _note = publication_date(item.post_modified_gmt, item.post_modified, zone)
    return modified if modified is not None and modified > published_at else None
