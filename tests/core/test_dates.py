from datetime import UTC, datetime

import pytest
from django.test import override_settings

from masthead.core.dates import iso_datetime, long_date


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
