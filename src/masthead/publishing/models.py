"""Records the newsroom's publishing machinery keeps: the worker's lease and schedule incidents."""

from django.db import models
from wagtail.models import GroupPagePermission, Page, Task, TaskState


class WorkerLease(models.Model):
    """Who runs the scheduled jobs now. One row per job name; a worker holds it until `expires_at`.

    On SQLite this row is the lock (taken with a conditional UPDATE inside an IMMEDIATE
    transaction); on PostgreSQL an advisory lock is taken as well.
    """

    name = models.CharField(max_length=100, unique=True)
    holder = models.CharField(max_length=200, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} held by {self.holder or 'nobody'}"


class ScheduleIncident(models.Model):
    """A scheduled publish, expiry or embargo release that ran late or failed: shown to editors."""

    class Kind(models.TextChoices):
        LATE = "late", "Ran late"
        FAILED = "failed", "Failed"

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=40, help_text="publish, expire, release embargo")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_at = models.DateTimeField()
    happened_at = models.DateTimeField(auto_now_add=True)
    detail = models.TextField(blank=True)
    acknowledged = models.BooleanField(default=False)

    class Meta:
        ordering = ["-happened_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.action} of {self.page} due {self.due_at}"


class Desk(models.Model):
    """A section's desk: the groups whose members may write, copy-edit and publish there.

    Page permissions in Wagtail belong to groups, so each desk has one group per role; a sports
    editor is in the site-wide "Editor" role group and in the Sport desk's editors group.
    """

    section = models.OneToOneField(
        "sections.SectionPage", on_delete=models.CASCADE, related_name="desk"
    )

    class Meta:
        permissions = [("submit_for_review", "Can submit stories for review")]

    def __str__(self) -> str:
        return f"{self.section.title} desk"


class DeskGroup(models.Model):
    desk = models.ForeignKey(Desk, on_delete=models.CASCADE, related_name="groups")
    role = models.CharField(max_length=40)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="desk_role")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["desk", "role"], name="one_group_per_desk_role")
        ]

    def __str__(self) -> str:
        return self.group.name


class DeskApprovalTask(Task):
    """A review step passed by whoever holds a page permission on the story's desk.

    Unlike Wagtail's group approval task, it follows the desks: a sports copy editor can pass
    the copy edit of a sports story, not of a politics story.
    """

    class Permission(models.TextChoices):
        CHANGE = "change", "Edit others' stories on the desk (copy editors and editors)"
        PUBLISH = "publish", "Publish on the desk (editors)"

    permission = models.CharField(max_length=20, choices=Permission.choices)

    admin_form_fields = [*Task.admin_form_fields, "permission"]

    class Meta:
        verbose_name = "desk approval task"

    def holds_permission(self, obj, user) -> bool:
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        cache = user.__dict__.setdefault("_desk_task_checks", {})
        key = (self.permission, obj.pk)
        if key not in cache:
            cache[key] = self.permission in obj.permissions_for_user(user).permissions
        return cache[key]

    def user_can_access_editor(self, obj, user):
        return self.holds_permission(obj, user)

    def locked_for_user(self, obj, user):
        return not self.holds_permission(obj, user)

    def user_can_lock(self, obj, user):
        return self.holds_permission(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if not self.holds_permission(obj, user):
            return []
        return [
            ("reject", "Request changes", True),
            ("approve", "Approve", False),
            ("approve", "Approve with comment", True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        pages = pages_with_permission(user, self.permission)
        return in_progress.filter(workflow_state__object_id__in=[str(pk) for pk in pages])

    @classmethod
    def get_description(cls):
        return "Members of the story's desk with the chosen right can approve this step"


def pages_with_permission(user, permission: str) -> list[int]:
    """Ids of the pages on which `user` holds `permission` (through any of their groups)."""
    roots = GroupPagePermission.objects.filter(
        group__user=user, permission__codename=f"{permission}_page"
    ).values_list("page__path", flat=True)
    within = models.Q(pk__in=[])
    for path in roots:
        within |= models.Q(path__startswith=path)
    return list(Page.objects.filter(within).values_list("pk", flat=True))
