"""The archive's totals: how many public stories each month, section, tag and person has, and
when the newest of them last changed, kept current as stories change (`archive.py`), so that
the sitemap index and its parts read one row per month, section, tag or person instead of an
aggregate over every story."""

from django.db import models


class ArchiveMember(models.Model):
    """One list a public story is in: its month, each section above it (the site's front page
    included), the section it is filed in (its parent: previous, next, "Latest from"), each
    tag, each person credited (bylines and source credit). With the story's public date, so
    that a list's newest, oldest and next stories are a walk of the index on (kind, ref,
    published_at, page), not a sort of the list."""

    page = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")
    root = models.CharField(max_length=255)  # the tree path of the site's root (depth 2)
    kind = models.CharField(max_length=8)  # month, section, filed, tag, person
    ref = models.BigIntegerField()  # year * 100 + month, or the section's, tag's, person's id
    modified = models.DateTimeField()  # the story's public modified date
    published_at = models.DateTimeField()  # the story's public date: the lists' order

    class Meta:
        db_table = "masthead_archive_member"
        indexes = [
            models.Index(fields=["root", "kind", "ref"], name="archive_member_list"),
            # A list in its order (newest first: `queries.newest_first`), over every site.
            models.Index(
                fields=["kind", "ref", "published_at", "page"], name="archive_member_order"
            ),
        ]

    def __str__(self):
        return f"{self.page_id} in {self.kind} {self.ref}"


class ArchiveTotal(models.Model):
    """A list's total and its newest modification, from `ArchiveMember`."""

    root = models.CharField(max_length=255)
    kind = models.CharField(max_length=8)
    ref = models.BigIntegerField()
    count = models.PositiveIntegerField()
    lastmod = models.DateTimeField()

    class Meta:
        db_table = "masthead_archive_total"
        constraints = [
            models.UniqueConstraint(fields=["root", "kind", "ref"], name="archive_total_list")
        ]
        # A list's total over every site (`archive.list_count`: a listing's count).
        indexes = [models.Index(fields=["kind", "ref"], name="archive_total_kind_ref")]

    def __str__(self):
        return f"{self.kind} {self.ref}: {self.count}"
