"""Scheduled publishing and expiry: what Wagtail's `publish_scheduled` does, one item at a time.

Each due item (a revision whose `approved_go_live_at` has passed, a live object whose
`expire_at` has passed) runs in its own transaction, through Wagtail's own actions
(`revision.publish()`, `obj.unpublish(set_expired=True)`), with the same log actions as
`publish_scheduled`. Inside that transaction the item is read again (`select_for_update` where the
database has it; SQLite's IMMEDIATE transactions serialise writers) and skipped if another worker
or an editor has handled it meanwhile: running an item twice publishes it once.

An item that raised is rolled back and recorded as a failed `ScheduleIncident` (once per
schedule); one that ran more than `MASTHEAD_SCHEDULE_LATE_AFTER` seconds late is recorded as a
late one. Neither stops the other items.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import swapper
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Revision, get_default_page_content_type

from masthead.publishing.models import ScheduleIncident

PUBLISH = "publish"
EXPIRE = "expire"
DONE, SKIPPED, FAILED = "done", "skipped", "failed"
DEFAULT_LATE_AFTER_SECONDS = 60


def late_after() -> timedelta:
    """How late a scheduled action may run before editors are told (a late incident)."""
    seconds = getattr(settings, "MASTHEAD_SCHEDULE_LATE_AFTER", DEFAULT_LATE_AFTER_SECONDS)
    return timedelta(seconds=seconds)


def page_model():
    return swapper.load_model("wagtailcore", "Page")


@dataclass(frozen=True)
class Job:
    """One scheduled action that is due: publish a revision, or expire a live object."""

    action: str
    model: type
    pk: int
    due_at: datetime
    label: str
    page_id: int | None

    @property
    def key(self) -> tuple:
        return (self.action, self.model._meta.label, self.pk, self.due_at)

    def describe(self) -> str:
        where = f"page {self.page_id}" if self.page_id else f"{self.model._meta.label} {self.pk}"
        return f'"{self.label}" ({where})'


@dataclass(frozen=True)
class Outcome:
    job: Job
    status: str
    finished_at: datetime
    due_at: datetime
    detail: str = ""

    @property
    def lateness(self) -> timedelta:
        return self.finished_at - self.due_at

    @property
    def late(self) -> bool:
        return self.status == DONE and self.lateness > late_after()


# Finding what is due ---------------------------------------------------------------------------


def expirable_models() -> list[type]:
    """Pages and every other model with a live/expire_at draft state (as publish_scheduled)."""
    page = page_model()
    others = [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, page)
    ]
    return [page, *others]


def expiry_jobs(now: datetime) -> list[Job]:
    page = page_model()
    jobs = []
    for model in expirable_models():
        due = model.objects.filter(live=True, expire_at__lte=now).order_by("expire_at", "pk")
        is_page = model is page
        for obj in due.only("pk", "title", "expire_at") if is_page else due:
            jobs.append(
                Job(EXPIRE, model, obj.pk, obj.expire_at, str(obj), obj.pk if is_page else None)
            )
    return jobs


def publish_jobs(now: datetime) -> list[Job]:
    page_type_id = get_default_page_content_type().pk
    rows = (
        Revision.objects.filter(approved_go_live_at__lte=now)
        .order_by("approved_go_live_at", "pk")
        .values_list("pk", "approved_go_live_at", "object_str", "base_content_type_id", "object_id")
    )
    return [
        Job(PUBLISH, Revision, pk, due, label, int(object_id) if type_id == page_type_id else None)
        for pk, due, label, type_id, object_id in rows
    ]


def due_jobs(now: datetime) -> list[Job]:
    """Everything overdue at `now`, expiries first (as publish_scheduled), oldest first."""
    return expiry_jobs(now) + publish_jobs(now)


# Doing one item --------------------------------------------------------------------------------


def _publish(job: Job) -> datetime | None:
    """Publish the revision if it is still due; its go-live time, or None if already handled."""
    revision = (
        Revision.objects.select_for_update()
        .filter(pk=job.pk, approved_go_live_at__lte=timezone.now())
        .first()
    )
    if revision is None:
        return None
    due_at = revision.approved_go_live_at
    revision.publish(log_action="wagtail.publish.scheduled")
    return due_at


def _expire(job: Job) -> datetime | None:
    """Unpublish the object if it is still live and expired; its expiry time, or None."""
    obj = (
        job.model.objects.select_for_update()
        .filter(pk=job.pk, live=True, expire_at__lte=timezone.now())
        .first()
    )
    if obj is None:
        return None
    due_at = obj.expire_at
    obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    return due_at


RUNNERS: dict[str, Callable[[Job], datetime | None]] = {PUBLISH: _publish, EXPIRE: _expire}


def run_job(job: Job) -> Outcome:
    """Run one item in its own transaction; a failure is rolled back and recorded, not raised."""
    try:
        with transaction.atomic():
            due_at = RUNNERS[job.action](job)
            outcome = Outcome(
                job, SKIPPED if due_at is None else DONE, timezone.now(), due_at or job.due_at
            )
            if outcome.late:
                record_late(outcome)
    except Exception as error:  # one bad item must not stop the others
        detail = f"{type(error).__name__}: {error}"
        record_failure(job, detail)
        return Outcome(job, FAILED, timezone.now(), job.due_at, detail)
    return outcome


def record_late(outcome: Outcome) -> ScheduleIncident:
    job = outcome.job
    seconds = outcome.lateness.total_seconds()
    return ScheduleIncident.objects.create(
        page_id=job.page_id,
        action=job.action,
        kind=ScheduleIncident.Kind.LATE,
        due_at=outcome.due_at,
        detail=f"{job.describe()}: ran {seconds:.0f} s after its time",
    )


def record_failure(job: Job, detail: str) -> None:
    """A failed incident, once per schedule while unacknowledged (the worker retries the item)."""
    if job.page_id is None:
        detail = f"{job.describe()}: {detail}"
    with transaction.atomic():
        recorded = ScheduleIncident.objects.filter(
            page_id=job.page_id,
            action=job.action,
            kind=ScheduleIncident.Kind.FAILED,
            due_at=job.due_at,
            acknowledged=False,
        )
        if not recorded.exists():
            ScheduleIncident.objects.create(
                page_id=job.page_id,
                action=job.action,
                kind=ScheduleIncident.Kind.FAILED,
                due_at=job.due_at,
                detail=detail,
            )


# One pass ----------------------------------------------------------------------------------------


def run_due(
    now: datetime | None = None,
    *,
    skip: Callable[[Job], bool] = lambda job: False,
    should_continue: Callable[[], bool] = lambda: True,
    report: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Run every item due at `now`, each on its own; `should_continue` is asked before each."""
    outcomes = []
    for job in due_jobs(now or timezone.now()):
        if skip(job):
            continue
        if not should_continue():
            break
        outcome = run_job(job)
        report(outcome)
        outcomes.append(outcome)
    return outcomes
