"""What a correction invalidates in the page cache: its story's page and the corrections list."""

from django.db.models.signals import post_delete, post_save

from masthead.pagecache import changes, deps
from masthead.pagecache.invalidation import invalidate
from masthead.publishing.models import Correction


def correction_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.page_id:
        invalidate({deps.page_tag(instance.page_id), deps.CORRECTIONS})


def connect() -> None:
    changes.connect(post_save, correction_changed, Correction, "correction-saved")
    changes.connect(post_delete, correction_changed, Correction, "correction-deleted")
