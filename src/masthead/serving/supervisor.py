"""The process `masthead serve` becomes: it runs granian, restarts it, and knows when to give up.

Granian respawns a worker that dies, but exits for good when one dies twice within about 5.5 s
(its crash-loop rule, which no option changes). This supervisor, which imports neither Django
nor the site, runs granian (`masthead.serving.server`) as its child and relays its output:

- every worker crash that granian reports, and every exit of granian that we did not ask for,
  is a failure;
- after a failure that ended granian, granian is started again after a delay that doubles from
  `BACKOFF_START` up to `BACKOFF_MAX` (and starts over once granian has run `STABLE_AFTER` s);
- after `max_failures` failures within `window` seconds it stops granian and exits with status
  1, printing the last error and a one-line reason, so that systemd's `Restart=` (or the
  container runtime) takes over;
- SIGTERM or SIGINT stops granian gracefully (it lets requests finish) and exits 0.
"""

from __future__ import annotations

import argparse
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field

from masthead.serving import server

BACKOFF_START = 0.25
BACKOFF_MAX = 30.0
STABLE_AFTER = 60.0
DEFAULT_MAX_FAILURES = 5
DEFAULT_WINDOW = 600.0
WORKER_CRASH = "Unexpected exit from worker"
EXIT_GIVE_UP = 1


@dataclass
class Failures:
    """Failures within a sliding window of `window` seconds."""

    limit: int
    window: float
    times: deque = field(default_factory=deque)
    last_error: str = "no error recorded"

    def add(self, error: str, now: float) -> None:
        self.times.append(now)
        self.last_error = error
        while self.times and now - self.times[0] > self.window:
            self.times.popleft()

    def exhausted(self) -> bool:
        return len(self.times) >= self.limit


def backoff(restarts: int) -> float:
    """Seconds to wait before granian's `restarts`-th quick restart (1, 2, ...)."""
    return min(BACKOFF_START * 2 ** (restarts - 1), BACKOFF_MAX)


def relay(stream, lines: queue.Queue) -> None:
    """Copy the child's output to ours, line by line, and hand each line to the supervisor."""
    for raw in iter(stream.readline, b""):
        try:
            sys.stdout.buffer.write(raw)
            sys.stdout.buffer.flush()
        except OSError:  # our own output is gone (a closed pipe): keep supervising
            pass
        lines.put(raw.decode(errors="replace").rstrip())
    lines.put(None)


class Supervisor:
    def __init__(self, granian_argv: list[str], failures: Failures):
        self.granian_argv = granian_argv
        self.failures = failures
        self.stopping = threading.Event()
        self.gave_up = False
        self.child: subprocess.Popen | None = None

    def say(self, message: str) -> None:
        print(f"masthead serve: {message}", file=sys.stderr, flush=True)

    def on_signal(self, signum, _frame) -> None:
        self.stopping.set()
        if self.child and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)

    def run_granian(self) -> tuple[int, str | None, int]:
        """Run granian until it exits: (exit status, its last error line, worker crashes)."""
        # Granian gets a process group of its own: a Ctrl-C in the terminal (SIGINT to the
        # foreground group) reaches only this supervisor, which stops granian with one SIGTERM.
        # Granian and its workers each hit by the terminal's signal as well raced with their
        # own shutdown and respawned workers that never stopped.
        self.child = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            self.granian_argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            process_group=0,
        )
        lines: queue.Queue = queue.Queue()
        reader = threading.Thread(target=relay, args=(self.child.stdout, lines), daemon=True)
        reader.start()
        crashes, last_error = 0, None
        while (line := lines.get()) is not None:
            if WORKER_CRASH in line:
                crashes += 1
                self.failures.add(line.split("] ")[-1], time.monotonic())
                if self.failures.exhausted() and not self.stopping.is_set():
                    self.give_up_soon()
            elif "ERROR" in line or "Error" in line or "error:" in line:
                last_error = line
        return self.child.wait(), last_error, crashes

    def give_up_soon(self) -> None:
        """Stop granian; `serve` then exits non-zero (see `serve`)."""
        self.stopping.set()
        self.gave_up = True
        if self.child and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)

    def serve(self) -> int:
        signal.signal(signal.SIGTERM, self.on_signal)
        signal.signal(signal.SIGINT, self.on_signal)
        restarts = 0
        while not self.stopping.is_set():
            started = time.monotonic()
            status, last_error, crashes = self.run_granian()
            if self.gave_up:
                return self.give_up()
            if self.stopping.is_set():
                return 0
            if crashes == 0:  # else its worker crashes are already counted
                error = last_error or f"granian exited with status {status}"
                self.failures.add(error, time.monotonic())
            if self.failures.exhausted():
                return self.give_up()
            restarts = 1 if time.monotonic() - started > STABLE_AFTER else restarts + 1
            delay = backoff(restarts)
            self.say(f"granian stopped (status {status}); starting it again in {delay:g} s")
            self.stopping.wait(delay)
        return 0

    def give_up(self) -> int:
        failures = self.failures
        self.say(f"last error: {failures.last_error}")
        self.say(
            f"giving up: {len(failures.times)} failures within {failures.window:g} s "
            f"(limit {failures.limit}); exiting with status {EXIT_GIVE_UP} so that the service "
            "manager restarts it"
        )
        return EXIT_GIVE_UP


def command_line(granian_args: list[str], max_failures: int, window: float) -> list[str]:
    """The arguments that run the supervisor around `masthead.serving.server`'s options."""
    own = ["--max-failures", str(max_failures), "--failure-window", f"{window:g}"]
    return [sys.executable, "-P", "-m", __name__, *own, "--", *granian_args]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="masthead serve (supervisor)")
    parser.add_argument("--max-failures", type=int, default=DEFAULT_MAX_FAILURES)
    parser.add_argument("--failure-window", type=float, default=DEFAULT_WINDOW)
    parser.add_argument("granian_args", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    granian_args = [arg for arg in options.granian_args if arg != "--"]
    granian_argv = server.command_line(granian_args)
    failures = Failures(options.max_failures, options.failure_window)
    sys.exit(Supervisor(granian_argv, failures).serve())


if __name__ == "__main__":
    main()
