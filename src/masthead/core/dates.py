"""Newsroom dates: every date and time a reader sees comes from `news_date`, in the newsroom's
time zone (MASTHEAD_TIME_ZONE) and in the date format the newsroom chose (SiteSettings).

Formats use Django's date syntax, as WordPress uses PHP's: "F j, Y" is "August 3, 2023",
"j F Y" is "3 August 2023", "d/m/Y" is "03/08/2023". A listing shows "Today at 14:35" for a story
of the newsroom's today; the page showing it must not outlive the newsroom's midnight
(`next_midnight`, recorded as the page cache's expiry by the template filter). A story page of
today shows the date with the time ("December 6, 2026 at 14:35 GMT"), true after midnight too.
"""

import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import dateformat, timezone

DEFAULT_DATE_FORMAT = "F j, Y"  # "August 3, 2023", the reference page's
TIME_FORMAT = "H:i"  # "14:35"
# A real date to preview a format with: the reference story's.
PREVIEW_DATE = datetime(2023, 8, 3, 12, 0, tzinfo=ZoneInfo("UTC"))
DAY_CODES, MONTH_CODES, YEAR_CODES = "dj", "FMmnNbE", "Yyo"
TIME_CODES = "aAfgGhHiBsuvIeOPTZcrU"
# strftime codes a newsroom may type, and Django's equivalents (for the suggestion).
STRFTIME_CODES = {
    "d": "d", "-d": "j", "e": "j", "m": "m", "-m": "n", "Y": "Y", "y": "y", "B": "F",
    "b": "M", "h": "M", "A": "l", "a": "D", "H": "H", "-H": "G", "I": "h", "M": "i",
    "S": "s", "p": "A", "Z": "T", "z": "O", "j": "z", "%": "%",
}  # fmt: skip
STRFTIME_CODE = re.compile(r"%(-?[A-Za-z%])")
# Other habits ("dd/mm/yyyy", from spreadsheets and moment.js): a code written twice in a row
# prints twice ("0303/0808/23232323").
DOUBLED_CODE = re.compile(r"(?<!\\)([A-Za-z])\1+")


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def newsroom_zone() -> ZoneInfo:
    return _zone(settings.TIME_ZONE)


def in_newsroom(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: news dates must carry a time zone")
    return value.astimezone(newsroom_zone())


def _codes(date_format: str) -> set[str]:
    """The format characters of `date_format`, without those escaped with a backslash."""
    codes, escaped = set(), False
    for char in date_format:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            codes.add(char)
    return codes


def _django_equivalent(date_format: str) -> str:
    """`date_format` written the way Django's date syntax expects: strftime codes ("%d/%m/%Y")
    and doubled codes ("dd/mm/yyyy") translated ("d/m/Y")."""
    if "%" in date_format:
        return STRFTIME_CODE.sub(
            lambda match: STRFTIME_CODES.get(match.group(1), match.group(1).lstrip("-")),
            date_format,
        ).replace("%", "")

    def single(match: re.Match) -> str:
        letter = match.group(1)
        if letter.lower() == "y":
            return "Y" if len(match.group(0)) >= 4 else "y"
        return {"D": "d", "M": "F" if len(match.group(0)) >= 4 else "M"}.get(letter, letter)

    return DOUBLED_CODE.sub(single, date_format)


def _literal_problem(date_format: str) -> str:
    """What in `date_format` prints literally or twice where a code was meant, or ""."""
    if "%" in _codes(date_format):
        return "“%” is strftime's syntax and prints as it is"
    doubled = [m.group(0) for m in DOUBLED_CODE.finditer(date_format)]
    if doubled:
        return f"{', '.join(doubled)} prints the same code more than once"
    return ""


def validate_date_format(date_format: str) -> None:
    """Refuse a format that does not show a day, a month and a year, that shows a time (the
    time is added where it is wanted), or that is written in another syntax (strftime's "%d",
    a spreadsheet's "dd"); the message previews what the format would print."""
    codes = _codes(date_format)
    literal = _literal_problem(date_format)
    missing = [
        name
        for name, choices in (("day", DAY_CODES), ("month", MONTH_CODES), ("year", YEAR_CODES))
        if not codes & set(choices)
    ]
    timed = sorted(codes & set(TIME_CODES))
    if not missing and not timed and not literal:
        return
    preview = dateformat.format(in_newsroom(PREVIEW_DATE), date_format) if date_format else ""
    problems = []
    if literal:
        problems.append(
            f"{literal}: Django's date syntax writes it “{_django_equivalent(date_format)}”"
        )
    if missing and not literal:
        problems.append(f"it shows no {' and no '.join(missing)}")
    if timed and not literal:
        problems.append(f"it shows a time ({', '.join(timed)}): leave the time out")
    raise ValidationError(
        "“%(format)s” would print August 3, 2023 as “%(preview)s”: %(problems)s. "
        "Use d or j for the day, F, M, m or n for the month and Y for the year, "
        "e.g. “j F Y” for “3 August 2023”.",
        code="invalid_date_format",
        params={"format": date_format, "preview": preview, "problems": "; ".join(problems)},
    )


def is_today(value: datetime, now: datetime | None = None) -> bool:
    return in_newsroom(value).date() == in_newsroom(now or timezone.now()).date()


def next_midnight(now: datetime | None = None) -> datetime:
    """The newsroom's next midnight (an aware datetime), when "today" changes."""
    local = in_newsroom(now or timezone.now())
    tomorrow = (local + timedelta(days=1)).date()
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=newsroom_zone())


def news_date(
    value: datetime,
    date_format: str = "",
    *,
    with_time: bool = False,
    time_if_today: bool = False,
    date_and_time_if_today: bool = False,
    now: datetime | None = None,
) -> str:
    """`value` as the newsroom writes it: the date in its format ("August 3, 2023"); with the
    time ("August 3, 2023 at 14:05 BST"), always (`with_time`) or when it is the newsroom's
    today (`date_and_time_if_today`, a story page); or "Today at 14:35" when `time_if_today`
    and it is the newsroom's today (a listing, which must not outlive the midnight)."""
    local = in_newsroom(value)
    if time_if_today and is_today(value, now):
        return f"Today at {dateformat.format(local, TIME_FORMAT)}"
    date = dateformat.format(local, date_format or DEFAULT_DATE_FORMAT)
    if with_time or (date_and_time_if_today and is_today(value, now)):
        return f"{date} at {dateformat.format(local, TIME_FORMAT)} {local.tzname()}"
    return date


def long_date(value: datetime, date_format: str = "") -> str:
    """'August 3, 2023' (or the newsroom's format) in the newsroom's time zone."""
    return news_date(value, date_format)


def iso_datetime(value: datetime) -> str:
    return in_newsroom(value).isoformat(timespec="seconds")


def long_datetime(value: datetime, date_format: str = "") -> str:
    """'August 3, 2023 at 14:05 BST' in the newsroom's time zone."""
    return news_date(value, date_format, with_time=True)
