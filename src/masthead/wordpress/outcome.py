"""What an import did, item by item: the counts and reasons of the summary and the report."""

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


@dataclass
class Outcome:
    counts: Counter = field(default_factory=Counter)  # (kind, action) -> n
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, action, reason)
    urls: list[tuple[str, str, str]] = field(default_factory=list)  # (old URL, kind, note)

    def count(self, kind: str, action: str, what: str = "", reason: str = "") -> None:
        self.counts[(kind, action)] += 1
        if reason:
            self.notes.append((what, action, reason))

    def warn(self, what: str, reason: str) -> None:
        self.notes.append((what, WARNING, reason))

    def total(self, action: str) -> int:
        return sum(n for (_kind, act), n in self.counts.items() if act == action)

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
