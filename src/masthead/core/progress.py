"""Progress of a long command on stderr, drawn by rich: a bar on a terminal, nothing otherwise.

A command's stderr that is a file, a pipe or a test's buffer gets no bar: it gets the command's
own log lines, if it gives any (`lines`), or nothing; only a person at a terminal sees a bar.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)


def console_for(stream) -> Console:
    """A rich console on `stream`: a file, or a management command's `self.stderr` wrapper
    (whose `write` would end every piece rich draws with a newline, so rich gets its file)."""
    return Console(file=getattr(stream, "_out", stream), highlight=False)


def is_terminal(stream) -> bool:
    return console_for(stream).is_terminal


@contextmanager
def progress_bar(
    stream,
    label: str,
    total: int | None,
    lines: Callable[[int, int | None], None] | None = None,
    shown: bool = True,
) -> Iterator[Callable[..., None]]:
    """Yield `update(done, total=None)`, which redraws the bar on `stream` when it is a terminal
    (`total` None: a bar with no end, for work counted as it goes). Otherwise it calls
    `lines(done, total)`, if given, to log; `shown=False` (verbosity 0) silences both."""
    console = console_for(stream)
    if not console.is_terminal or not shown:
        yield _logger(lines if shown else None, total)
        return
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=console,
    )
    with bar:
        task = bar.add_task(label, total=total)

        def update(done: int, total: int | None = None) -> None:
            if total is not None:
                bar.update(task, total=total)
            bar.update(task, completed=done)

        yield update


def _logger(lines, total: int | None) -> Callable[..., None]:
    def update(done: int, total: int | None = total) -> None:
        if lines is not None:
            lines(done, total)

    return update
