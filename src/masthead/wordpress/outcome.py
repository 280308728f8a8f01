"""What an import did, item by item: the counts and reasons of the summary and the report."""

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field

IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED, WARNING = (
    "imported",
    "updated",
    "unchanged",
    "skipped",
    "failed",
    "warning",
)


ACTIONS = (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED)

# Each kind the summary counts: what it is called, what it became, and the survey's count of it
# in the file (wxr.survey); any other post type is counted as `item:<type>`.
KINDS = {
    "post": ("Posts", "stories", "item:post"),
    "page": ("Pages", "standard pages", "item:page"),
    "attachment": ("Attachments", "images", "item:attachment"),
    "category": ("Categories", "sections", "term:category"),
    "tag": ("Tags", "tags", "term:post_tag"),
    "author": ("Authors", "people", "authors"),
    "menu": ("Nav menus", "the site's menus", "term:nav_menu"),
}


class SpooledRows:
    """An append-only list of rows of strings kept in a temporary file, not in memory: the
    report's old URLs, one or two a post, image and attachment page, which otherwise grew with
    the export (some 130,000 rows at 100,000 posts). Read in the order written, as a list is;
    the file goes with the object."""

    def __init__(self, rows=()):
        self._file = None
        self._count = 0
        self.extend(rows)

    def append(self, row) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (kept open while the object lives)
        self._file.seek(0, os.SEEK_END)
        self._file.write(json.dumps(list(row)).encode() + b"\n")
        self._count += 1

    def extend(self, rows) -> None:
        for row in rows:
            self.append(row)

    def __len__(self) -> int:
        return self._count

    def __iter__(self):
        if self._file is None:
            return
        self._file.flush()
        position = 0
        while True:  # each row read where the last one ended: rows appended meanwhile come too
            self._file.seek(position)
            line = self._file.readline()
            if not line:
                return
            position = self._file.tell()
            yield tuple(json.loads(line))

    def __repr__(self) -> str:
        return f"<SpooledRows: {self._count} rows>"


@dataclass
class Outcome:
    counts: Counter = field(default_factory=Counter)  # (kind, action) -> n
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, action, reason)
    urls: SpooledRows = field(default_factory=SpooledRows)  # (old URL, kind, note)

    def count(self, kind: str, action: str, what: str = "", reason: str = "") -> None:
        self.counts[(kind, action)] += 1
        if reason:
            self.notes.append((what, action, reason))

    def warn(self, what: str, reason: str) -> None:
        self.notes.append((what, WARNING, reason))

    def total(self, action: str) -> int:
        return sum(n for (_kind, act), n in self.counts.items() if act == action)

    def kind_rows(self, in_file) -> list[dict]:
        """One row a kind, for the admin's report: its name, what it became, how many the file
        holds (`in_file`: the survey's counts) and what happened to them."""
        kinds = sorted({kind for kind, _ in self.counts}, key=lambda k: (k not in KINDS, k))
        rows = []
        for kind in kinds:
            name, became, key = KINDS.get(kind, (f"Other: {kind}", "", f"item:{kind}"))
            row = {"kind": kind, "name": name, "became": became, "in_file": in_file.get(key, 0)}
            row.update({action: self.counts[(kind, action)] for action in ACTIONS})
            rows.append(row)
        return rows

    def summary_lines(self) -> list[str]:
        kinds = sorted({kind for kind, _ in self.counts})
        lines = []
        for kind in kinds:
            parts = [
                f"{self.counts[(kind, action)]} {action}"
                for action in (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED)
                if self.counts[(kind, action)]
            ]
            lines.append(f"{kind}: {', '.join(parts)}")
        return lines
