"""`masthead serve`: the production server, in the foreground (SIGTERM or Ctrl-C stops it)."""

import os
from argparse import ArgumentTypeError

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from masthead.serving import preflight, supervisor
from masthead.serving.server import exec_server
from masthead.serving.server import options as server_options

DEFAULT_THREADS = 4
# glibc gives each thread that allocates a heap (arena) of its own, up to eight per CPU, and keeps
# what each has freed: with them, a worker (4 request threads, the page cache's 3) held some 4 MB
# more (docs/deployment.md, "Memory"). Set in the environment, it wins.
MALLOC_ARENAS = "2"


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise ArgumentTypeError(f"{text!r}: expected a whole number above 0")
    return number


def env_number(name: str, default: float, kind=int):
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = 0
    if value <= 0:
        raise CommandError(f"{name}={raw!r}: expected a number above 0")
    return value


def default_port() -> int:
    raw = os.environ.get("PORT", "8000")
    try:
        return positive_int(raw)
    except ArgumentTypeError as error:
        raise CommandError(f"PORT={raw!r}: expected a port number") from error


def failure_limits(options) -> tuple[int, float]:
    """How many failures within how many seconds make `serve` give up (docs/deployment.md)."""
    max_failures = options["max_failures"] or env_number(
        "MASTHEAD_SERVE_MAX_FAILURES", supervisor.DEFAULT_MAX_FAILURES
    )
    window = options["failure_window"] or env_number(
        "MASTHEAD_SERVE_FAILURE_WINDOW", supervisor.DEFAULT_WINDOW, float
    )
    return max_failures, window


class Command(BaseCommand):
    help = (
        "Serve the site in production with granian (WSGI workers) and WhiteNoise for the static "
        "files. Checks that the database is migrated and collects the static files when they "
        "are missing or stale; stays in the foreground until SIGTERM or SIGINT."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1)."
        )
        parser.add_argument(
            "--port", type=positive_int, default=None, help="Port (default $PORT, else 8000)."
        )
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=cpu_count(),
            help=f"Worker processes (default: the CPU count, {cpu_count()} here).",
        )
        parser.add_argument(
            "--threads",
            type=positive_int,
            default=DEFAULT_THREADS,
            help=f"Request threads per worker (default {DEFAULT_THREADS}).",
        )
        parser.add_argument(
            "--access-log",
            action="store_true",
            help="Log every request (off by default: it costs throughput).",
        )
        parser.add_argument(
            "--max-failures",
            type=positive_int,
            default=None,
            help="Exit non-zero after this many worker or server failures within the window "
            f"(default $MASTHEAD_SERVE_MAX_FAILURES, else {supervisor.DEFAULT_MAX_FAILURES}).",
        )
        parser.add_argument(
            "--failure-window",
            type=positive_int,
            default=None,
            help="The window, in seconds (default $MASTHEAD_SERVE_FAILURE_WINDOW, else "
            f"{supervisor.DEFAULT_WINDOW:g}).",
        )

    def handle(self, *args, **options):
        port = options["port"] or default_port()
        if settings.DEBUG:
            self.stderr.write(
                self.style.WARNING(
                    "DEBUG is on (DEBUG is set in the environment): error pages show code and "
                    "settings. Never serve readers like this: unset DEBUG."
                )
            )
        preflight.require_migrated()
        preflight.refresh_static(say=self.stdout.write)
        connections.close_all()
        env = dict(os.environ)
        env.setdefault("MALLOC_ARENA_MAX", MALLOC_ARENAS)
        if "MASTHEAD_BASE_URL" not in env:
            env["PORT"] = str(port)  # absolute URLs name the port actually served
        shown_host = f"[{options['host']}]" if ":" in options["host"] else options["host"]
        workers, threads = options["workers"], options["threads"]
        self.stdout.write(
            f"Masthead on http://{shown_host}:{port}/ (granian: {workers} worker process(es), "
            f"{threads} request thread(s) each). SIGTERM or Ctrl-C stops it."
        )
        granian = server_options(options["host"], port, workers, threads, options["access_log"])
        exec_server(supervisor.command_line(granian, *failure_limits(options)), env)
