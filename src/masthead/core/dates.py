"""Newsroom dates: every date a reader sees is shown in the newsroom's time zone."""

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def newsroom_zone() -> ZoneInfo:
    return _zone(settings.TIME_ZONE)


def in_newsroom(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: news dates must carry a time zone")
    return value.astimezone(newsroom_zone())


def long_date(value: datetime) -> str:
    """'August 3, 2023' in the newsroom's time zone (Jinja2 does not localise by itself)."""
    local = in_newsroom(value)
    return f"{local:%B} {local.day}, {local.year}"


def iso_datetime(value: datetime) -> str:
    return in_newsroom(value).isoformat(timespec="seconds")


def long_datetime(value: datetime) -> str:
    """'August 3, 2023 at 14:05 BST' in the newsroom's time zone."""
    local = in_newsroom(value)
    return f"{long_date(value)} at {local:%H:%M} {local.tzname()}"
