"""Masking what differs between two builds of the same demo, so that only content is compared.

Two loads of the same demo differ in: the moments they ran (every page's publication and
modification time, the live briefing's date), CSRF tokens, the content hashes in static file
names (which change with any CSS or JS edit) and the ids of the stories' body blocks. `Masker`
replaces those with placeholders and leaves everything else, including the demo's fixed story
dates, which lie outside the window of days the builds ran in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = "January February March April May June July August September October November December"
MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS.split(), start=1)}
ABBREVIATED = {name[:3]: number for name, number in MONTH_NUMBER.items()}

# 2026-12-06, 2026-12-06T19:05:00+00:00, 2026-12-06 19:05:00.123456Z
ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
# Sun, 06 Dec 2026 19:05:00 +0000 (RSS, HTTP)
RFC_2822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(?P<d>\d{1,2}) (?P<m>[A-Z][a-z]{2}) (?P<y>\d{4})"
    r" \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UTC)"
)
# December 6, 2026 (at 19:05 GMT): core/dates.py's long_date and long_datetime
LONG = re.compile(
    rf"(?P<m>{'|'.join(MONTH_NUMBER)}) (?P<d>\d{{1,2}}), (?P<y>\d{{4}})"
    r"(?: at \d{1,2}:\d{2}(?: [A-Z]{2,5}|[+-]\d{2})?)?"
)
CSRF = re.compile(r"(csrfmiddlewaretoken\"? value=\"|csrftoken=)[A-Za-z0-9]+")
# StreamField block ids, made anew each time the demo loads its stories
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
# styles.3f2a9c1b7e4d.css: ManifestStaticFilesStorage's content hash
STATIC_HASH = re.compile(r"(/static/[^\"'\s)]+?)\.[0-9a-f]{12}(\.[a-z0-9]+)")


@dataclass(frozen=True)
class Masker:
    """Masks the dates in `days` (the days the builds ran, in any zone), not the others."""

    days: frozenset[date]

    @classmethod
    def around(cls, first: date, last: date) -> Masker:
        """The days from `first` to `last`, with one more each side for time zones."""
        start, end = first - timedelta(days=1), last + timedelta(days=1)
        count = (end - start).days + 1
        return cls(frozenset(start + timedelta(days=n) for n in range(count)))

    def __call__(self, text: str) -> str:
        text = CSRF.sub(r"\1<csrf>", text)
        text = UUID.sub("<uuid>", text)
        text = STATIC_HASH.sub(r"\1.<hash>\2", text)
        text = ISO.sub(self.replacer(lambda m: int(m["m"])), text)
        text = RFC_2822.sub(self.replacer(lambda m: ABBREVIATED.get(m["m"])), text)
        return LONG.sub(self.replacer(lambda m: MONTH_NUMBER[m["m"]]), text)

    def replacer(self, month_of):
        def replace(match: re.Match) -> str:
            month = month_of(match)
            try:
                day = date(int(match["y"]), month, int(match["d"])) if month else None
            except ValueError:  # 2026-13-45: digits, not a date
                return match[0]
            return "<time>" if day in self.days else match[0]

        return replace
