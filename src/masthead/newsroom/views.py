"""The signed-in person's notifications: the list, opening one, marking them read."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from masthead.core.dates import in_newsroom
from masthead.newsroom.models import Notification

LISTED = 50


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_list(request):
    notifications = list(
        Notification.objects.filter(recipient=request.user).select_related("sender")[:LISTED]
    )
    rows = [
        {"notification": n, "when": in_newsroom(n.created_at), "unread": n.read_at is None}
        for n in notifications
    ]
    return TemplateResponse(
        request,
        "newsroom/notifications.html",
        {"rows": rows, "unread": sum(row["unread"] for row in rows), "page_title": "Notifications"},
    )


def open_notification(request, pk):
    """Mark it read and go to the story's edit form (or back to the list if the story is gone)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if notification.page_id:
        return redirect("wagtailadmin_pages:edit", notification.page_id)
    return redirect("newsroom_notifications")


@require_POST
def mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("newsroom_notifications")
