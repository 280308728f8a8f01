from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from masthead.core.dates import (
    iso_datetime,
    long_date,
    news_date,
    next_midnight,
    validate_date_format,
)


def test_long_date_is_shown_in_the_newsroom_zone():
    late_evening_utc = datetime(2023, 8, 3, 20, 0, tzinfo=UTC)
    with override_settings(TIME_ZONE="Asia/Kolkata"):
        assert long_date(late_evening_utc) == "August 4, 2023"
        assert iso_datetime(late_evening_utc) == "2023-08-04T01:30:00+05:30"
    with override_settings(TIME_ZONE="Europe/London"):
        assert long_date(late_evening_utc) == "August 3, 2023"
    with override_settings(TIME_ZONE="America/New_York"):
        assert long_date(datetime(2023, 8, 4, 2, 0, tzinfo=UTC)) == "August 3, 2023"


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        long_date(datetime(2023, 8, 3, 12, 0))  # noqa: DTZ001


def test_the_newsrooms_date_format_is_used():
    value = datetime(2023, 8, 3, 11, 0, tzinfo=UTC)
    with override_settings(TIME_ZONE="Europe/London"):
        assert news_date(value) == "August 3, 2023"
        assert news_date(value, "j F Y") == "3 August 2023"
        assert news_date(value, "d/m/Y") == "03/08/2023"
        assert news_date(value, "j F Y", with_time=True) == "3 August 2023 at 12:00 BST"


def test_todays_stories_show_the_time_in_the_newsroom_zone():
    with override_settings(TIME_ZONE="Europe/London"):
        now, afternoon = (
            datetime(2026, 12, 6, 22, 0, tzinfo=UTC),
            datetime(2026, 12, 6, 14, 35, tzinfo=UTC),
        )
        assert news_date(afternoon, time_if_today=True, now=now) == "Today at 14:35"
        assert (
            news_date(afternoon, "j F Y", date_and_time_if_today=True, now=now)
            == "6 December 2026 at 14:35 GMT"
        )
        yesterday = datetime(2026, 12, 5, 23, 59, tzinfo=UTC)
        assert news_date(yesterday, time_if_today=True, now=now) == "December 5, 2026"
        assert news_date(yesterday, date_and_time_if_today=True, now=now) == "December 5, 2026"
    with override_settings(TIME_ZONE="Asia/Kolkata"):
        # 22:00 UTC is already tomorrow (03:30) in Kolkata: 14:35 UTC is yesterday there.
        assert news_date(afternoon, time_if_today=True, now=now) == "December 6, 2026"


def test_the_newsrooms_midnight_is_when_today_ends():
    with override_settings(TIME_ZONE="Asia/Kolkata"):
        midnight = next_midnight(datetime(2026, 12, 6, 12, 0, tzinfo=UTC))
        assert midnight.isoformat() == "2026-12-07T00:00:00+05:30"


@pytest.mark.parametrize(
    ("date_format", "preview", "problem"),
    [
        ("F Y", "August 2023", "no day"),
        ("Q", "Q", "no day and no month and no year"),
        ("j F Y H:i", "3 August 2023 17:30", "shows a time"),
        (r"\j F Y", "j August 2023", "no day"),
    ],
)
def test_a_format_without_a_day_month_or_year_is_refused_with_a_preview(
    date_format, preview, problem
):
    with override_settings(TIME_ZONE="Asia/Kolkata"), pytest.raises(ValidationError) as error:
        validate_date_format(date_format)
    message = " ".join(error.value.messages)
    assert f"“{preview}”" in message
    assert problem in message


def test_sensible_formats_are_accepted():
    for date_format in ("F j, Y", "j F Y", "d/m/Y", "D j M Y", r"j \d\e F \d\e Y"):
        validate_date_format(date_format)


@pytest.mark.parametrize(
    ("date_format", "preview", "suggestion"),
    [
        ("%d/%m/%Y", "%03/%08/%2023", "d/m/Y"),
        ("%-d %B %Y", "%-03 %B %2023", "j F Y"),
        ("dd/mm/yyyy", "0303/0808/23232323", "d/m/Y"),
    ],
)
def test_a_format_in_another_syntax_is_refused_with_a_preview_and_the_django_equivalent(
    date_format, preview, suggestion
):
    with override_settings(TIME_ZONE="Europe/London"), pytest.raises(ValidationError) as error:
        validate_date_format(date_format)
    message = " ".join(error.value.messages)
    assert f"“{preview}”" in message
    assert f"“{suggestion}”" in message
    validate_date_format(suggestion)
