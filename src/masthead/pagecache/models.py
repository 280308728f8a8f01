"""The database side of invalidation, for deployments without Redis: a log of invalidations in
sequence order that every server process polls, and what each story was listed under when it
was last published, so that the next publish knows which listings it leaves or joins."""

from django.db import models


class InvalidationCounter(models.Model):
    """One row: the last sequence number handed out. Taking the next number locks the row until
    the transaction commits, so log rows commit in the order of their numbers."""

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return str(self.value)


class Invalidation(models.Model):
    seq = models.BigIntegerField(primary_key=True)
    tags = models.TextField(help_text="Space-separated dependency tags")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["seq"]

    def __str__(self):
        return f"#{self.seq}: {self.tags[:80]}"


class ListingState(models.Model):
    """The listings a live page appears in (its sections, tags, authors) and its public date, as
    of its last publish."""

    page_id = models.BigIntegerField(primary_key=True)
    listings = models.JSONField(default=list)
    published_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"page {self.page_id}"


class PendingInvalidation(models.Model):
    """The outbox: an invalidation written in the same transaction as the change it follows, and
    deleted in the transaction that hands it to the bus (`invalidation.relay`). A process that
    dies between the two leaves the row for the next relay (the worker's, or any server's)."""

    tags = models.TextField(help_text="Space-separated dependency tags")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"pending #{self.pk}: {self.tags[:80]}"


class ProcessAck(models.Model):
    """What a server process has applied, for the database bus: every invalidation up to `seq`,
    as of `seen_at` (its heartbeat). A purge of Varnish waits until every live process has
    applied the invalidation it follows (`pagecache/bus/acks.py`)."""

    process = models.CharField(max_length=200, primary_key=True)
    seq = models.BigIntegerField(default=0)
    seen_at = models.DateTimeField()

    def __str__(self):
        return f"{self.process}: {self.seq}"
