"""The API's query and path parameters: parsed strictly, so that what the OpenAPI document calls
valid is exactly what the endpoints accept, and every invalid value is a 422, never a 500."""

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Annotated

from django.core.validators import slug_unicode_re
from ninja import Field, Schema
from pydantic import BeforeValidator

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
MAX_ID = 2**31 - 1  # Wagtail's page ids are 32-bit integers on PostgreSQL

_INTEGER = re.compile(r"-?[0-9]{1,30}")
# RFC 3339, section 5.6: date, "T", time with seconds, optional fraction, "Z" or a numeric offset.
_RFC3339 = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})[Tt]"
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:\.(?P<fraction>[0-9]+))?"
    r"(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_LATEST = datetime.max.replace(tzinfo=UTC)


def strict_integer(value):
    """Digits only: "1.0", " 1", "1_0" and "+1" are not integers in a URL."""
    if isinstance(value, str) and not _INTEGER.fullmatch(value):
        raise ValueError("expected an integer written in digits")
    return value


def _offset(text: str) -> timezone:
    if text in {"Z", "z"}:
        return UTC
    hours, minutes = int(text[1:3]), int(text[4:6])
    if hours > 23 or minutes > 59:
        raise ValueError("the UTC offset is out of range")
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def aware_datetime(value):
    """An RFC 3339 date-time with a UTC offset ("2023-08-03T12:00:00+05:30" or "...Z").

    Naive values, dates alone, Unix timestamps and other ISO 8601 shapes are refused. A valid
    instant beyond the range Python and the databases share is clamped to that range.
    """
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    match = _RFC3339.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(
            "expected an ISO 8601 date-time with a UTC offset, e.g. 2023-08-03T12:00:00+05:30"
        )
    parts = match.groupdict()
    if int(parts["year"]) == 0:
        return _EARLIEST
    fraction = (parts["fraction"] or "0")[:6].ljust(6, "0")
    second = min(int(parts["second"]), 59)  # a leap second (":60") is the second before it
    local = datetime(
        int(parts["year"]),
        int(parts["month"]),
        int(parts["day"]),
        int(parts["hour"]),
        int(parts["minute"]),
        second,
        int(fraction),
        tzinfo=_offset(parts["offset"]),
    )
    try:
        local.astimezone(UTC)
    except OverflowError:
        return _EARLIEST if local.year == 1 else _LATEST
    return local


StrictInt = Annotated[int, BeforeValidator(strict_integer)]
AwareDateTime = Annotated[datetime, BeforeValidator(aware_datetime)]


def lookup_slug(value: str | None) -> str | None:
    """`value` if it can be a slug (so that no database sees NUL bytes or other junk), else None."""
    if value is None:
        return None
    return value if slug_unicode_re.match(value) else None


class Pagination(Schema):
    limit: StrictInt = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page, 1 to {MAX_LIMIT}."
    )
    offset: StrictInt = Field(
        0, ge=0, le=MAX_OFFSET, description="How many items to skip (0 is the first page)."
    )


class StoryFilters(Pagination):
    section: str = Field(
        None,
        max_length=500,
        description="A section's id, or its path of slugs (`top-news`, `world/asia`). "
        "Stories in its subsections are included.",
    )
    tag: str = Field(None, max_length=200, description="A tag's slug, e.g. `pakistan`.")
    author: str = Field(
        None,
        max_length=200,
        description="A person's or organisation's slug: stories with them in a byline or as "
        "the source credit.",
    )
    published_after: AwareDateTime = Field(
        None,
        description="Only stories published strictly after this instant: an ISO 8601 "
        "date-time with a UTC offset, e.g. `2023-08-03T12:00:00+05:30`.",
    )
    published_before: AwareDateTime = Field(
        None,
        description="Only stories published strictly before this instant (same format).",
    )

    def query_string_items(self) -> dict:
        """The filters as given, for the next/previous links (never the request's raw query)."""
        items = {
            "section": self.section,
            "tag": self.tag,
            "author": self.author,
            "published_after": self.published_after and self.published_after.isoformat(),
            "published_before": self.published_before and self.published_before.isoformat(),
        }
        return {key: value for key, value in items.items() if value is not None}
