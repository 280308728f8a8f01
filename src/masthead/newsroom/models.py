"""What the newsroom tells its people: notifications in the admin, and who wants them by e-mail."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    """One line for one person: a step of a story that asks them to act, or tells them its fate."""

    class Event(models.TextChoices):
        SENT_TO_COPY_EDIT = "sent_to_copy_edit", "Sent to copy edit"
        PASSED_TO_EDITOR = "passed_to_editor", "Passed to the editor"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        PUBLISHED = "published", "Published"
        MISSED_SCHEDULE = "missed_schedule", "Missed schedule"

    class Mail(models.TextChoices):
        PENDING = "pending", "E-mail on its way"
        SENT = "sent", "E-mailed"
        FAILED = "failed", "E-mail could not be sent"
        OFF = "off", "Not e-mailed (preference or no address)"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsroom_notifications"
    )
    event = models.CharField(max_length=30, choices=Event.choices)
    headline = models.CharField(max_length=300, help_text="What happened, in newsroom words.")
    text = models.TextField(help_text="The step, the story and who sent it.")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    story_title = models.CharField(max_length=300)
    step = models.CharField(max_length=100, blank=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    mail = models.CharField(max_length=10, choices=Mail.choices, default=Mail.PENDING)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.headline} for {self.recipient}"


class NotificationPreferences(models.Model):
    """E-mail preferences for the newsroom's events that Wagtail has no preference for.

    Changes requested and approval follow Wagtail's own "rejected" and "approved" notification
    preferences; the admin list gets every notification whatever is chosen here.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newsroom_preferences"
    )
    sent_to_copy_edit = models.BooleanField("a story of my desk is sent to copy edit", default=True)
    passed_to_editor = models.BooleanField(
        "a story of my desk is passed to the editor", default=True
    )
    missed_schedule = models.BooleanField(
        "a story of my desk missed its scheduled time", default=True
    )

    class Meta:
        verbose_name_plural = "notification preferences"

    def __str__(self) -> str:
        return f"Newsroom e-mail preferences of {self.user}"
