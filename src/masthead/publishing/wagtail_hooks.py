"""The editors' dashboard panel for scheduled publishing: what goes live next, whether the
scheduler runs, and the schedules that ran late or failed (never silent).

Its queries are fixed: the next publications, the next expiries, the worker's lease, the open
incidents and their count, however much is scheduled.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from masthead.core.dates import in_newsroom
from masthead.publishing.locks import SCHEDULER
from masthead.publishing.models import ScheduleIncident, WorkerLease
from masthead.publishing.visibility import readable_pages

LISTED = 8
DEFAULT_STALE_AFTER_SECONDS = 30


def stale_after() -> timedelta:
    """How long without a pass before the panel says the scheduler is not running."""
    return timedelta(
        seconds=getattr(settings, "MASTHEAD_SCHEDULER_STALE_AFTER", DEFAULT_STALE_AFTER_SECONDS)
    )


def newsroom_time(value: datetime) -> dict:
    """A time for editors: in the newsroom's zone, with the zone's abbreviation."""
    local = in_newsroom(value)
    return {
        "iso": local.isoformat(timespec="seconds"),
        "text": f"{local:%a} {local.day} {local:%b %Y, %H:%M} {local.tzname()}",
    }


def next_publications(now: datetime, user=None) -> list[dict]:
    """The next scheduled publications of the pages `user` may read (see visibility.py)."""
    revisions = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
    if user is not None and not user.is_superuser:
        readable = readable_pages(user).annotate(key=Cast("pk", CharField())).values("key")
        revisions = revisions.filter(object_id__in=readable)
    revisions = revisions.order_by("approved_go_live_at", "pk").values_list(
        "object_id", "object_str", "approved_go_live_at"
    )[:LISTED]
    return [
        {"page_id": int(page_id), "title": title, "at": newsroom_time(at), "overdue": at <= now}
        for page_id, title, at in revisions
    ]


def next_expiries(now: datetime) -> list[dict]:
    pages = (
        Page.objects.filter(live=True, expire_at__isnull=False)
        .order_by("expire_at", "pk")
        .values_list("pk", "title", "expire_at")[:LISTED]
    )
    return [
        {"page_id": pk, "title": title, "at": newsroom_time(at), "overdue": at <= now}
        for pk, title, at in pages
    ]


def scheduler_state(now: datetime) -> dict:
    lease = WorkerLease.objects.filter(name=SCHEDULER).first()
    last_run = lease.last_run_at if lease else None
    return {
        "running": last_run is not None and now - last_run <= stale_after(),
        "last_run": newsroom_time(last_run) if last_run else None,
        "seconds_ago": int((now - last_run).total_seconds()) if last_run else None,
        "holder": lease.holder if lease else "",
    }


def open_incidents(user=None) -> dict:
    unacknowledged = ScheduleIncident.objects.filter(acknowledged=False)
    if user is not None and not user.is_superuser:
        readable = readable_pages(user).values("pk")
        unacknowledged = unacknowledged.filter(Q(page__isnull=True) | Q(page__in=readable))
    listed = unacknowledged.select_related("page").order_by("-happened_at", "-pk")[:LISTED]
    return {
        "items": [
            {"incident": incident, "due": newsroom_time(incident.due_at)} for incident in listed
        ],
        "count": unacknowledged.count(),
    }


def can_acknowledge(user) -> bool:
    """Whoever may publish somewhere may dismiss an incident."""
    return PagePermissionPolicy().user_has_permission(user, "publish")


class SchedulePanel(Component):
    name = "masthead_schedule"
    template_name = "publishing/schedule_panel.html"
    order = 90  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        now = timezone.now()
        return {
            "publications": next_publications(now, request.user),
            "expiries": next_expiries(now),
            "scheduler": scheduler_state(now),
            "incidents": open_incidents(request.user),
            "zone_name": settings.TIME_ZONE,
            "can_acknowledge": can_acknowledge(request.user),
            "csrf_token": parent_context.get("csrf_token"),
            "request": request,
        }


@hooks.register("construct_homepage_panels")
def add_schedule_panel(request, panels):
    panels.append(SchedulePanel())


@require_POST
def acknowledge_incident(request, pk):
    if not can_acknowledge(request.user):
        raise PermissionDenied
    incident = get_object_or_404(ScheduleIncident, pk=pk)
    incident.acknowledged = True
    incident.save(update_fields=["acknowledged"])
    return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def schedule_admin_urls():
    return [
        path(
            "scheduling/incidents/<int:pk>/acknowledge/",
            acknowledge_incident,
            name="masthead_acknowledge_incident",
        )
    ]
