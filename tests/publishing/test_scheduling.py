"""Scheduled publishing and expiry, one pass at a time (in-process, in the test's transaction)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision
from wagtail.signals import page_published

from masthead.articles.models import ArticlePage
from masthead.publishing import scheduling
from masthead.publishing.locks import LeaseLock
from masthead.publishing.models import ScheduleIncident
from masthead.publishing.worker import Retries, Worker
from tests.publishing.stories import (
    PUBLISH_ACTIONS,
    draft_story,
    live_story_expiring,
    make_overdue,
    schedule,
    scheduled_story,
)

pytestmark = pytest.mark.django_db


def publishes(page) -> int:
    return PageLogEntry.objects.filter(page=page, action__in=PUBLISH_ACTIONS).count()


def story_of(revision) -> ArticlePage:
    return ArticlePage.objects.get(pk=revision.object_id)


def test_a_story_due_later_stays_a_draft(section):
    revision = schedule(draft_story(section, "Not yet"), timezone.now() + timedelta(hours=1))
    assert scheduling.run_due() == []
    story = story_of(revision)
    assert not story.live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None


def test_a_story_goes_live_on_the_pass_after_its_time(section):
    revision = schedule(draft_story(section, "Goes live"), timezone.now() + timedelta(hours=1))
    assert scheduling.run_due() == []
    make_overdue(revision, timezone.now() - timedelta(seconds=2))  # the clock passes go-live
    [outcome] = scheduling.run_due()
    assert outcome.status == scheduling.DONE
    assert timedelta(seconds=2) <= outcome.lateness < timedelta(seconds=30)
    story = story_of(revision)
    assert story.live and story.live_revision_id == revision.pk
    assert story.published_at is not None
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish.scheduled").count() == 1
    assert not Revision.objects.filter(pk=revision.pk, approved_go_live_at__isnull=False).exists()
    assert not ScheduleIncident.objects.exists()  # two seconds late is on time
    assert scheduling.run_due() == []


def test_expiry_unpublishes_a_live_story(section):
    story = live_story_expiring(section, "Expires", timezone.now() + timedelta(hours=1))
    assert scheduling.run_due() == []
    ArticlePage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    [outcome] = scheduling.run_due()
    assert (outcome.job.action, outcome.status) == (scheduling.EXPIRE, scheduling.DONE)
    story.refresh_from_db()
    assert not story.live and story.expired
    assert PageLogEntry.objects.filter(page=story, action="wagtail.unpublish.scheduled").exists()


def test_after_downtime_the_first_pass_catches_up_and_records_the_late_story(section):
    an_hour_ago = timezone.now() - timedelta(hours=1)
    late = scheduled_story(section, "Due an hour ago", an_hour_ago)
    on_time = scheduled_story(section, "Due just now", timezone.now() - timedelta(seconds=1))
    later = scheduled_story(section, "Due tomorrow", timezone.now() + timedelta(days=1))
    lines = []
    Worker(say=lines.append, lock=LeaseLock()).run(once=True)
    assert story_of(late).live and story_of(on_time).live and not story_of(later).live
    [incident] = ScheduleIncident.objects.all()
    assert (incident.kind, incident.action) == ("late", "publish")
    assert incident.page_id == int(late.object_id) and incident.due_at == an_hour_ago
    assert "Due an hour ago" in incident.detail and not incident.acknowledged
    published = [line for line in lines if " published " in line]
    assert len(published) == 2, lines
    assert "LATE" in published[0] and "Due an hour ago" in published[0]


def test_a_failing_story_is_recorded_and_the_others_still_publish(section):
    due = timezone.now() - timedelta(seconds=5)
    revisions = [scheduled_story(section, f"Story {n}", due) for n in range(3)]
    bad_id = int(revisions[1].object_id)

    def broken_handler(sender, instance, **kwargs):
        if instance.pk == bad_id:
            raise RuntimeError("the search index is down")

    page_published.connect(broken_handler)
    try:
        outcomes = scheduling.run_due()
        again = scheduling.run_due()  # the worker retries; the incident is not repeated
    finally:
        page_published.disconnect(broken_handler)
    assert [o.status for o in outcomes] == ["done", "failed", "done"]
    assert [o.status for o in again] == ["failed"]
    assert [story_of(r).live for r in revisions] == [True, False, True]
    [incident] = ScheduleIncident.objects.all()
    assert (incident.kind, incident.page_id) == ("failed", bad_id)
    assert incident.detail == "RuntimeError: the search index is down"
    assert publishes(story_of(revisions[1])) == 0  # rolled back, still scheduled
    [fixed] = scheduling.run_due()
    assert fixed.status == "done" and story_of(revisions[1]).live


def test_an_item_already_handled_is_skipped(section):
    revision = scheduled_story(section, "Twice", timezone.now() - timedelta(seconds=1))
    [job] = scheduling.due_jobs(timezone.now())
    assert scheduling.run_job(job).status == scheduling.DONE
    assert scheduling.run_job(job).status == scheduling.SKIPPED  # a second worker's stale list
    assert publishes(story_of(revision)) == 1


def test_a_story_rescheduled_later_meanwhile_is_not_published(section):
    revision = scheduled_story(section, "Moved", timezone.now() - timedelta(seconds=1))
    [job] = scheduling.due_jobs(timezone.now())
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() + timedelta(hours=2)
    )
    assert scheduling.run_job(job).status == scheduling.SKIPPED
    assert not story_of(revision).live


def test_worker_lines_say_what_happened(section):
    scheduled_story(section, "Logged story", timezone.now() - timedelta(seconds=3))
    lines = []
    Worker(say=lines.append, lock=LeaseLock()).run(once=True)
    assert any('published "Logged story" (page ' in line for line in lines), lines
    assert lines[-1].endswith("worker stopped")


def test_failed_items_wait_longer_each_time():
    clock = [0.0]
    retries = Retries(first=5, longest=20, clock=lambda: clock[0])
    job = scheduling.Job("publish", Revision, 1, timezone.now(), "A story", 1)
    failed = scheduling.Outcome(job, scheduling.FAILED, timezone.now(), job.due_at, "boom")
    assert [retries.record(failed) for _ in range(4)] == [5, 10, 20, 20]
    assert retries.waiting(job)
    clock[0] = 21
    assert not retries.waiting(job)
    retries.record(scheduling.Outcome(job, scheduling.DONE, timezone.now(), job.due_at))
    assert job.key not in retries.pending
