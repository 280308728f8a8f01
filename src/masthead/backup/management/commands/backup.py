"""`masthead backup`: the database, media and secret key, online, into one owner-only archive."""

from __future__ import annotations

import os
import platform
import tempfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

import masthead
from masthead.backup import database, media, schema
from masthead.backup.archive import ArchiveError, ArchiveWriter
from masthead.core.progress import progress_bar


def default_path() -> Path:
    folder = settings.MASTHEAD_HOME / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"masthead-{timezone.now():%Y%m%dT%H%M%SZ}.tar"


def versions(db) -> dict[str, str]:
    return {
        "masthead": masthead.__version__,
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "python": platform.python_version(),
        "database_tool": db.version(),
    }


class Command(BaseCommand):
    help = (
        "Back up the database (an online, consistent copy), the media files and the secret key "
        "into one tar archive with a manifest and checksums (docs/backup.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="Archive path (default MASTHEAD_HOME/backups/...tar)."
        )

    def say(self, message: str) -> None:
        self.stderr.write(message)
        self.stderr.flush()

    def media_lines(self, count: int, _total) -> None:
        if count % media.REPORT_EVERY == 0:
            self.say(f"media: {count} files so far")

    def handle(self, *args, **options):
        path = options["output"] or default_path()
        if path.exists():
            raise CommandError(f"{path} exists already: choose another --output")
        try:
            written = self.write(path.resolve())
        except ArchiveError as error:
            raise CommandError(f"backup failed: {error}") from error
        self.stdout.write(f"Backup written to {written} ({written.stat().st_size / 1e6:.1f} MB)")

    def write(self, path: Path) -> Path:
        db = database.current()
        manifest = {
            "created_at": timezone.now().isoformat(),
            "versions": versions(db),
            "database": {"vendor": db.vendor, "member": db.member},
            "migrations": schema.applied_migrations(),
            "counts": schema.row_counts(),  # taken just before the copy
        }
        writer = ArchiveWriter(path)
        try:
            with tempfile.TemporaryDirectory(dir=settings.MASTHEAD_HOME) as scratch:
                copy = Path(scratch) / "database"
                db.dump(copy, self.say)
                writer.add_file(db.member, copy)
            with progress_bar(self.stderr, "media", None, self.media_lines) as progress:
                count, size = media.back_up(writer, progress)
            self.say(f"media: {count} files ({size / 1e6:.1f} MB) in all")
            key = settings.MASTHEAD_HOME / "secret_key"
            if key.exists() and not os.environ.get("SECRET_KEY"):
                writer.add_file("secret_key", key)
            return writer.finish(manifest)
        except BaseException:
            writer.abandon()
            raise
