"""`masthead worker`: scheduled publishing and expiry, in a loop (or once, for cron and tests)."""

from argparse import ArgumentTypeError

from django.core.management.base import BaseCommand

from masthead.publishing.worker import Worker


def positive_seconds(text: str) -> float:
    seconds = float(text)
    if not seconds > 0:
        raise ArgumentTypeError(f"{text!r}: expected a number of seconds above 0")
    return seconds


class Command(BaseCommand):
    help = (
        "Publish scheduled revisions and expire pages when their time comes, every second "
        "(under a lock: any number of workers publish each story once). Stops on SIGTERM/SIGINT."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one pass, then exit.")
        parser.add_argument(
            "--interval",
            type=positive_seconds,
            default=1.0,
            metavar="SECONDS",
            help="Seconds between passes (default 1).",
        )

    def handle(self, *args, **options):
        worker = Worker(interval=options["interval"], say=self.line)
        worker.install_signal_handlers()
        worker.run(once=options["once"])

    def line(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()
