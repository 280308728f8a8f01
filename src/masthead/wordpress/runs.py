"""An import started from the admin ("Import from WordPress"): the uploaded export, the options,
where the worker has got to, and the report at the end (docs/wordpress-import.md)."""

from django.conf import settings
from django.db import models


class ImportRun(models.Model):
    """One run of `import_export()` on the worker, for one uploaded export file."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    export = models.FileField(
        upload_to="wordpress/exports/%Y/%m/",
        max_length=300,
        help_text="In media storage, so that a worker on another machine can read it.",
    )
    export_name = models.CharField("file name", max_length=255)
    export_size = models.BigIntegerField(default=0)
    dry_run = models.BooleanField(default=False)
    force = models.BooleanField(default=False)
    time_zone = models.CharField(max_length=64, blank=True)
    media_base_url = models.CharField(max_length=500, blank=True)
    rerun_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reruns"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_result_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=200, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True, help_text="imported, updated, ...")
    summary = models.JSONField(default=list, blank=True, help_text="One line per kind of object")
    notes = models.JSONField(
        default=list, blank=True, help_text="[what, action, reason]: the first ones"
    )
    notes_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    report = models.FileField(upload_to="wordpress/reports/%Y/%m/", max_length=300, blank=True)
    report_rows = models.PositiveIntegerField(default=0)
    notes_file = models.FileField(upload_to="wordpress/reports/%Y/%m/", max_length=300, blank=True)

    # The stage of a run whose file is not a readable export (not well-formed XML, no <rss>):
    # running the same file again cannot help, a corrected one can.
    FILE_REFUSED = "The file was refused"

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("import_wordpress", "Can import from WordPress in the admin")]

    def __str__(self) -> str:
        return f"Import of {self.export_name} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def file_refused(self) -> bool:
        return self.status == self.Status.FAILED and self.stage == self.FILE_REFUSED

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0
