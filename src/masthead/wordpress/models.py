"""What an import remembers: each WordPress object it brought in, by its WordPress ID."""

from django.db import models


class ImportedObject(models.Model):
    """One WordPress object and the Masthead row it became (a story, an image, a section, a
    tag, a person). Written in the transaction that writes the row itself, so an import killed
    half way leaves either both or neither: the next run finishes the job with no duplicate."""

    class Kind(models.TextChoices):
        POST = "post", "Post"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        CATEGORY = "category", "Category"
        TAG = "tag", "Tag"
        AUTHOR = "author", "Author"
        MENU = "menu", "Nav menu"

    site_url = models.CharField(
        max_length=300, help_text="The export's base site URL: two sites' IDs never mix."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    wp_id = models.BigIntegerField("WordPress ID")
    wp_slug = models.CharField("WordPress slug or login", max_length=255, blank=True)
    object_id = models.BigIntegerField(
        null=True, help_text="The page, image, person or tag it became."
    )
    fingerprint = models.CharField(max_length=64, help_text="Of the exported data last imported.")
    revision_id = models.BigIntegerField(
        null=True,
        help_text="The page revision the import wrote last: any later one is an editor's.",
    )
    old_url = models.CharField(max_length=1000, blank=True)
    data = models.JSONField(default=dict, blank=True, help_text="Alt text, caption, credit, ...")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site_url", "kind", "wp_id"], name="wordpress_one_row_per_object"
            )
        ]
        indexes = [models.Index(fields=["kind", "wp_id"], name="wordpress_kind_id")]

    def __str__(self) -> str:
        return f"WordPress {self.kind} {self.wp_id} → {self.object_id}"


from masthead.wordpress.runs import ImportRun  # noqa: E402 (the admin's runs: runs.py)

__all__ = ["ImportRun", "ImportedObject"]
