"""The newsroom's e-mails: sent after the step has committed, never able to stop it.

A mail server that is down, refuses or times out (`EMAIL_TIMEOUT`) is logged and marked on the
notification ("E-mail could not be sent"); the notification in the admin stands.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse

from masthead.newsroom.models import Notification, NotificationPreferences

logger = logging.getLogger("masthead.newsroom.mail")
Event = Notification.Event

# The event's e-mail preference: Wagtail's own where it has one (on the user's profile), else
# the newsroom's (NotificationPreferences).
WAGTAIL_PREFERENCE = {
    Event.CHANGES_REQUESTED: "rejected_notifications",
    Event.PUBLISHED: "approved_notifications",
}


def wants_mail(notification: Notification) -> bool:
    user = notification.recipient
    if not user.email:
        return False
    wagtail_field = WAGTAIL_PREFERENCE.get(notification.event)
    if wagtail_field:
        profile = getattr(user, "wagtail_userprofile", None)
        return getattr(profile, wagtail_field, True) if profile else True
    preferences = NotificationPreferences.objects.filter(user=user).first()
    return getattr(preferences, notification.event, True) if preferences else True


def admin_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def message_for(notification: Notification) -> EmailMessage:
    lines = [notification.text, ""]
    if notification.page_id:
        edit = reverse("wagtailadmin_pages:edit", args=[notification.page_id])
        lines.append(f"Open the story: {admin_url(edit)}")
    lines.append(f"Your notifications: {admin_url(reverse('newsroom_notifications'))}")
    lines.append("Choose which you get by e-mail under Account > Notifications.")
    return EmailMessage(
        subject=f"[{settings.WAGTAIL_SITE_NAME}] {notification.headline}",
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient.email],
    )


def send_after_commit(ids: list[int]) -> None:
    """E-mail the notifications `ids` to those who want it; log and mark what could not go."""
    notifications = list(Notification.objects.filter(pk__in=ids).select_related("recipient"))
    off = [n.pk for n in notifications if not wants_mail(n)]
    Notification.objects.filter(pk__in=off).update(mail=Notification.Mail.OFF)
    outgoing = [n for n in notifications if n.pk not in off]
    if not outgoing:
        return
    sent, failed = [], []
    try:
        with get_connection(fail_silently=False) as connection:
            for notification in outgoing:
                try:
                    connection.send_messages([message_for(notification)])
                    sent.append(notification.pk)
                except Exception:  # one refused address must not stop the others
                    logger.exception("could not e-mail notification %s", notification.pk)
                    failed.append(notification.pk)
    except Exception:  # the server is down or refused the connection
        logger.exception(
            "could not reach the mail server: %d notification e-mail(s) not sent",
            len(outgoing) - len(sent),
        )
        failed = [n.pk for n in outgoing if n.pk not in sent]
    Notification.objects.filter(pk__in=sent).update(mail=Notification.Mail.SENT)
    Notification.objects.filter(pk__in=failed).update(mail=Notification.Mail.FAILED)
