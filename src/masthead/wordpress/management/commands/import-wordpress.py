"""`masthead import-wordpress EXPORT.xml`: move a WordPress site in (docs/wordpress-import.md)."""

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.management.base import BaseCommand, CommandError

from masthead.core.progress import progress_bar
from masthead.wordpress import wxr
from masthead.wordpress.batches import BATCH_SIZE
from masthead.wordpress.importer import Options, import_export
from masthead.wordpress.outcome import WARNING


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become stories, categories sections, authors "
        "people. Safe to run again: it updates what changed and never overwrites an editor's "
        "change without --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WXR file WordPress exported")
        source = parser.add_mutually_exclusive_group()
        source.add_argument("--uploads", type=Path, help="a copy of wp-content/uploads")
        source.add_argument(
            "--media-base-url",
            help="fetch media from the old site, only below this address (http/https)",
        )
        parser.add_argument("--dry-run", action="store_true", help="check and count; write nothing")
        parser.add_argument("--report", type=Path, help="write every old URL and its answer (CSV)")
        parser.add_argument(
            "--time-zone", default="", help="of dates without GMT (default: the newsroom's)"
        )
        parser.add_argument("--force", action="store_true", help="overwrite editors' changes")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"new published posts per transaction (default {BATCH_SIZE}; 1: one by one)",
        )

    def handle(
        self,
        *args,
        export,
        uploads,
        media_base_url,
        dry_run,
        report,
        time_zone,
        force,
        batch_size,
        **options,
    ):
        if not export.is_file():
            raise CommandError(f"No such file: {export}")
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"--uploads is not a folder: {uploads}")
        if media_base_url and not media_base_url.startswith(("http://", "https://")):
            raise CommandError("--media-base-url must start with http:// or https://")
        check_batch_size(batch_size)
        if time_zone:
            try:
                ZoneInfo(time_zone)
            except (ZoneInfoNotFoundError, ValueError) as error:
                raise CommandError(f"Unknown time zone: {time_zone}") from error
        shown = options["verbosity"] > 0
        try:
            with progress_bar(self.stderr, "Importing from WordPress", None, shown=shown) as update:
                result = import_export(
                    Options(
                        export,
                        uploads,
                        dry_run,
                        time_zone,
                        force,
                        media_base_url or "",
                        batch_size=batch_size,
                    ),
                    progress=lambda done, total: update(done, total),
                )
        except wxr.NotAnExport as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        outcome = result.outcome
        prefix = "Dry run (nothing written): " if dry_run else ""
        self.stdout.write(f"{prefix}{export.name}, WXR {result.survey.channel.version or '?'}")
        for line in outcome.summary_lines():
            self.stdout.write(f"  {line}")
        for what, action, reason in outcome.notes:
            label = "warning" if action == WARNING else action
            self.stdout.write(f"  {label}: {what}: {reason}")
        if report is not None and not dry_run:
            from masthead.wordpress.oldurls import write_report

            rows = write_report(report, result)
            self.stdout.write(f"Report: {rows} old URLs in {report}")


def check_batch_size(size: int) -> None:
    if size < 1:
        raise CommandError(f"--batch-size must be at least 1, not {size}")
