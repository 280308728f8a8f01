"""`masthead restore ARCHIVE`: a backup back into an empty MASTHEAD_HOME (and database)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masthead.backup import database, media, schema
from masthead.backup.archive import ArchiveError, extract_verified, read_manifest
from masthead.core.progress import progress_bar


def Refused(reason: str) -> CommandError:  # noqa: N802 - raised like an exception class
    return CommandError(f"restore refused: {reason}. Nothing was changed.")


class Command(BaseCommand):
    help = (
        "Restore a `masthead backup` archive into an empty MASTHEAD_HOME and database. Refuses, "
        "changing nothing, a home that holds data, a damaged archive or a newer schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def say(self, message: str) -> None:
        self.stderr.write(message)
        self.stderr.flush()

    def handle(self, *args, **options):
        path = options["archive"].resolve()
        db = database.current()
        try:
            manifest = read_manifest(path)
        except ArchiveError as error:
            raise Refused(str(error)) from error
        self.check_target(manifest, db)
        with tempfile.TemporaryDirectory(dir=settings.MASTHEAD_HOME) as scratch:
            members = len(manifest["members"])
            try:
                with progress_bar(self.stderr, "verifying", members, self.verified) as progress:
                    staged = dict(extract_verified(path, manifest, Path(scratch), progress))
            except ArchiveError as error:
                raise Refused(str(error)) from error
            self.put_back(staged, manifest, db)
        self.report(manifest)

    def check_target(self, manifest: dict, db) -> None:
        unknown = schema.unknown_migrations(manifest["migrations"])
        if unknown:
            shown = ", ".join(unknown[:3]) + (", ..." if len(unknown) > 3 else "")
            raise Refused(
                f"the archive comes from a newer schema: {len(unknown)} migration(s) unknown to "
                f"this code ({shown}); upgrade Masthead first"
            )
        vendor = manifest["database"]["vendor"]
        if vendor != db.vendor:
            raise Refused(f"the archive holds a {vendor} database, this home uses {db.vendor}")
        if not db.is_empty():
            raise Refused(f"the database is not empty ({db.vendor}); restore into an empty home")
        if not media.is_empty():
            raise Refused("the media storage holds files; restore into an empty home")

    def verified(self, done: int, total: int) -> None:
        if done % media.REPORT_EVERY == 0 or done == total:
            self.say(f"verified {done}/{total} archive members")

    def restored(self, done: int, total: int) -> None:
        if done % media.REPORT_EVERY == 0 or done == total:
            self.say(f"media: {done}/{total} files restored")

    def put_back(self, staged: dict[str, Path], manifest: dict, db) -> None:
        db.load(staged.pop(manifest["database"]["member"]))
        self.say("database: restored")
        key = staged.pop("secret_key", None)
        if key is not None:
            target = settings.MASTHEAD_HOME / "secret_key"
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as output:
                output.write(key.read_bytes())
        with progress_bar(self.stderr, "media", len(staged), self.restored) as progress:
            for done, (member, path) in enumerate(sorted(staged.items()), start=1):
                media.restore(member, path)
                progress(done)

    def report(self, manifest: dict) -> None:
        counts = schema.row_counts()
        differ = [
            f"{label}: {count} in the archive, {counts.get(label)} restored"
            for label, count in manifest["counts"].items()
            if counts.get(label) != count
        ]
        for line in differ:  # a busy site may change between the count and the copy
            self.say(f"note: {line}")
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}. If this code is newer than the "
            "archive, run `masthead migrate` before `masthead serve`."
        )
