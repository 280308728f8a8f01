"""Scheduled stories for the scheduling tests.

In-process tests call the functions directly. Subprocess tests, which need their own database,
run `main()`, `report()` and `race()` through `masthead shell -c` (with the repository on
PYTHONPATH):

    SCHEDULE_SPEC='{"stories": [{"go_live_in": 3}, {"overdue_by": 3600}]}' \
        masthead shell -c "from tests.publishing.stories import main; main()"
"""

import json
import os
import time
import uuid
from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, Site

from masthead.articles.models import ArticlePage
from masthead.publishing import scheduling
from masthead.publishing.models import ScheduleIncident, WorkerLease
from masthead.sections.models import SectionPage

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")


def scratch_section() -> SectionPage:
    """A section under the default site's root (a fresh database has no demo newsroom)."""
    root = Site.objects.get(is_default_site=True).root_page
    token = uuid.uuid4().hex[:8]
    return root.add_child(instance=SectionPage(title=f"Desk {token}", slug=f"desk-{token}"))


def draft_story(section: Page, title: str) -> ArticlePage:
    token = uuid.uuid4().hex[:8]
    story = ArticlePage(
        title=title,
        slug=f"story-{token}",
        standfirst=f"What happened: {title}.",
        body=[("paragraph", "<p>The story, in a few words.</p>")],
        live=False,
    )
    section.add_child(instance=story)
    return story


def schedule(story: ArticlePage, go_live_at: datetime) -> Revision:
    """As an editor's "Schedule to publish": the revision waits for `go_live_at`."""
    story.go_live_at = go_live_at
    revision = story.save_revision()
    revision.publish()
    revision.refresh_from_db()
    if revision.approved_go_live_at is None:
        raise RuntimeError(f"{story.title!r} went live at once: {go_live_at} was not ahead")
    return revision


def make_overdue(revision: Revision, due_at: datetime) -> Revision:
    """As if the clock had passed the schedule: the revision was due at `due_at`."""
    content = {**revision.content, "go_live_at": due_at.isoformat()}
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=due_at, content=content)
    Page.objects.filter(pk=revision.object_id).update(go_live_at=due_at)
    revision.refresh_from_db()
    return revision


def scheduled_story(section: Page, title: str, due_at: datetime) -> Revision:
    """A story scheduled for `due_at`, which may be past (then made overdue after scheduling)."""
    story = draft_story(section, title)
    if due_at > timezone.now():
        return schedule(story, due_at)
    return make_overdue(schedule(story, timezone.now() + timedelta(hours=1)), due_at)


def live_story_expiring(section: Page, title: str, expire_at: datetime) -> ArticlePage:
    """A live story whose expiry is `expire_at` (set after publishing, so it may be past)."""
    story = draft_story(section, title)
    story.expire_at = timezone.now() + timedelta(hours=1)
    story.save_revision().publish()
    Page.objects.filter(pk=story.pk).update(expire_at=expire_at)
    story.refresh_from_db()
    return story


# For subprocesses: `masthead shell -c` -------------------------------------------------------


def main() -> None:
    """Make the stories in SCHEDULE_SPEC; print them as one JSON line after "STORIES "."""
    spec = json.loads(os.environ["SCHEDULE_SPEC"])
    section = scratch_section()
    made = []
    for number, item in enumerate(spec["stories"]):
        if "go_live_in" in item:  # from the moment the story is made, on a busy machine too
            due_at = timezone.now() + timedelta(seconds=item["go_live_in"])
        else:
            due_at = timezone.now() - timedelta(seconds=item["overdue_by"])
        revision = scheduled_story(section, f"Scheduled story {number}", due_at)
        made.append({"id": int(revision.object_id), "go_live_at": due_at.isoformat()})
    print("STORIES " + json.dumps(made))


def report() -> None:
    """The stories' state, their publish log entries, incidents and the lease, as one JSON line."""
    pages = ArticlePage.objects.all()
    entries = PageLogEntry.objects.filter(action__in=PUBLISH_ACTIONS)
    lease = WorkerLease.objects.filter(name="scheduled-publishing").first()
    state = {
        "pages": {
            str(page.pk): {
                "live": page.live,
                "publishes": entries.filter(page_id=page.pk).count(),
                "last_published_at": page.last_published_at and page.last_published_at.isoformat(),
                "scheduled": page.revisions.filter(approved_go_live_at__isnull=False).count(),
            }
            for page in pages
        },
        "incidents": list(ScheduleIncident.objects.values("page_id", "kind", "action", "detail")),
        "lease_holder": lease.holder if lease else None,
    }
    print("REPORT " + json.dumps(state))


def race() -> None:
    """One pass at RACE_START_AT (epoch seconds) without the lock, as a second worker racing."""
    time.sleep(max(0.0, float(os.environ["RACE_START_AT"]) - time.time()))
    outcomes = scheduling.run_due()
    print("OUTCOMES " + json.dumps([[outcome.job.page_id, outcome.status] for outcome in outcomes]))
