"""Running an `ImportRun` on the worker: the export is read from media storage (a worker on
another machine reads the same file), imported by `importer.import_export()` as the command
does, with its progress written to the run, and the reports written back to media storage."""

from __future__ import annotations

import csv
import logging
import shutil
import tempfile
import time
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from masthead.wordpress.outcome import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED
from masthead.wordpress.runs import ImportRun

log = logging.getLogger(__name__)

ACTIONS = (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED)

NOTES_KEPT = 500  # notes shown on the run's page; all of them are in its notes CSV
PROGRESS_EVERY = 0.5  # seconds between two writes of the progress

CHECKING = "Checking the file"
IMPORTING = "Importing"
DRY_RUN = "Dry run: checking every item (nothing is written)"
URLS = "Checking the old URLs"
FINISHED = "Finished"
STOPPED = "Stopped"


def enqueue(run: ImportRun) -> ImportRun:
    """Queue the run for the worker (inside the transaction that saved it: no task without it)."""
    from masthead.wordpress.tasks import import_run

    with transaction.atomic():
        if run.pk is None:
            run.save()
        result = import_run.enqueue(run.pk)
        run.task_result_id = str(result.id)
        run.save(update_fields=["task_result_id"])
    return run


def rerun(run: ImportRun, user, dry_run: bool, force: bool) -> ImportRun:
    """A new run of the same stored export and options (an import is safe to repeat)."""
    again = ImportRun(
        export=run.export.name,
        export_name=run.export_name,
        export_size=run.export_size,
        dry_run=dry_run,
        force=force,
        time_zone=run.time_zone,
        media_base_url=run.media_base_url,
        rerun_of=run,
        started_by=user,
    )
    return enqueue(again)


class _Progress:
    """The importer's progress callback: writes done/total to the run at most every 0.5 s."""

    def __init__(self, run: ImportRun):
        self.run, self.written = run, 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.written < PROGRESS_EVERY and done < total:
            return
        self.written = now
        _update(self.run, stage=IMPORTING, done=done, total=total)


def _update(run: ImportRun, **fields) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    ImportRun.objects.filter(pk=run.pk).update(**fields)


def execute(run_id: int) -> str:
    """Run the import; what became of it (the run's status). The importer is imported here,
    in the worker: the admin's views that queue a run need none of it, and every server
    process loads them (docs/deployment.md, "Memory")."""
    from masthead.wordpress import wxr

    run = ImportRun.objects.get(pk=run_id)
    if run.status != ImportRun.Status.QUEUED:
        return run.status  # (a task run twice: the first one did it)
    stage = DRY_RUN if run.dry_run else CHECKING
    _update(run, status=ImportRun.Status.RUNNING, started_at=timezone.now(), stage=stage)
    folder = Path(tempfile.mkdtemp(prefix="masthead-wp-run-"))
    try:
        local = folder / "export.xml"
        with run.export.open("rb") as source, local.open("wb") as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
        _import(run, local, folder)
    except wxr.NotAnExport as error:
        message = str(error).replace(str(local), run.export_name)
        _fail(run, f"{message}. Nothing was imported.", stage=ImportRun.FILE_REFUSED)
    except Exception as error:
        log.exception("WordPress import %s stopped", run.pk)
        _fail(
            run,
            f"The import stopped: {type(error).__name__}: {error}. What it had imported stays; "
            "running it again finishes the job.",
        )
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return run.status


def _import(run: ImportRun, local: Path, folder: Path) -> None:
    from masthead.wordpress.importer import Options, import_export

    options = Options(
        local,
        dry_run=run.dry_run,
        time_zone=run.time_zone,
        force=run.force,
        media_base_url=run.media_base_url,
    )
    progress = (lambda done, total: None) if run.dry_run else _Progress(run)
    result = import_export(options, progress=progress)
    total = result.survey.items
    outcome = result.outcome
    fields = {
        "done": total,
        "total": total,
        "counts": {
            action: outcome.total(action)
            for action in (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED)
        }
        | {"kinds": outcome.kind_rows(result.survey.counts)},
        "summary": outcome.summary_lines(),
        "notes": [list(note) for note in outcome.notes[:NOTES_KEPT]],
        "notes_total": len(outcome.notes),
    }
    if outcome.notes:
        _save_notes(run, outcome.notes, folder)
    if not run.dry_run:
        _update(run, stage=URLS, done=total, total=total)
        _save_url_report(run, result, folder)
    _update(run, status=ImportRun.Status.DONE, stage=FINISHED, finished_at=timezone.now(), **fields)


def _save_notes(run: ImportRun, notes, folder: Path) -> None:
    path = folder / "notes.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["what", "action", "reason"])
        writer.writerows(notes)
    with path.open("rb") as handle:
        run.notes_file.save(f"{Path(run.export_name).stem}-notes.csv", File(handle), save=False)
    ImportRun.objects.filter(pk=run.pk).update(notes_file=run.notes_file.name)


def _save_url_report(run: ImportRun, result, folder: Path) -> None:
    from masthead.wordpress.oldurls import write_report

    path = folder / "old-urls.csv"
    rows = write_report(path, result)
    with path.open("rb") as handle:
        run.report.save(f"{Path(run.export_name).stem}-old-urls.csv", File(handle), save=False)
    _update(run, report=run.report.name, report_rows=rows)


def _fail(run: ImportRun, error: str, stage: str = STOPPED) -> None:
    _update(
        run, status=ImportRun.Status.FAILED, stage=stage, error=error, finished_at=timezone.now()
    )
