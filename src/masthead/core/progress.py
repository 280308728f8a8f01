"""A progress bar: redrawn in place on a terminal, one line per tenth of the work otherwise."""

import sys
import time

WIDTH = 30


class ProgressBar:
    def __init__(self, total: int, label: str, write=None, interactive=None):
        self.total = max(total, 1)
        self.label = label
        self.write = write or sys.stderr.write
        self.interactive = sys.stderr.isatty() if interactive is None else interactive
        self.started = time.perf_counter()
        self.last_tenth = -1

    def __call__(self, done: int) -> None:
        tenth = done * 10 // self.total
        if not self.interactive and tenth == self.last_tenth:
            return
        self.last_tenth = tenth
        elapsed = time.perf_counter() - self.started
        rate = done / elapsed if elapsed else 0.0
        left = (self.total - done) / rate if rate else 0.0
        filled = WIDTH * done // self.total
        bar = "#" * filled + "." * (WIDTH - filled)
        line = f"{self.label} [{bar}] {done:,}/{self.total:,}, {rate:,.0f}/s, {left:,.0f} s left"
        if self.interactive:
            self.write(f"\r{line}" + ("\n" if done >= self.total else ""))
        else:
            self.write(f"{line}\n")
