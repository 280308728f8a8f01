"""Wiring content changes to cache tags, for the content apps (their `invalidation.py`).

The page cache knows no page type: each app says, in its `AppConfig.ready()`, which of its
models a reader page records when it loads one, and which tags a change to one invalidates.
Every invalidation goes through `invalidate()`, the outbox, in the transaction of the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models.signals import post_delete, post_init, post_save, pre_save

from masthead.pagecache import deps
from masthead.pagecache.invalidation import invalidate

_handlers = []  # kept alive: signals hold weak references to local functions


def connect(signal, handler, sender, uid: str) -> None:
    """`signal.connect(handler)` for `sender`, once, with the handler kept alive."""
    _handlers.append(handler)
    signal.connect(handler, sender=sender, dispatch_uid=f"masthead.pagecache.{uid}")


def record_when_loaded(model, make_tag: Callable[[object], str], uid: str) -> None:
    """A reader response that loads an instance of `model` depends on `make_tag(its pk)`."""

    def record_instance(sender, instance, **kwargs):
        if deps.current() is not None and instance.pk is not None:
            deps.record(make_tag(instance.pk))

    connect(post_init, record_instance, model, f"record-{uid}")


def invalidate_when_saved_or_deleted(model, tag_of: Callable[[object], str]) -> None:
    """Any save (but a fixture load's) or delete of `model` invalidates `tag_of(instance)`."""

    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            invalidate({tag_of(instance)})

    connect(post_save, handler, model, f"{model.__name__}-saved")
    connect(post_delete, handler, model, f"{model.__name__}-deleted")


def invalidate_when_changed(model, tag: str, fields: Iterable[str]) -> None:
    """A new, deleted or changed (in one of `fields`) instance of `model` invalidates `tag`;
    a save that changes none of them invalidates nothing."""
    fields = tuple(fields)

    def before_save(sender, instance, raw=False, **kwargs):
        instance._pagecache_changed = raw or _changed(sender, instance, fields)

    def saved(sender, instance, raw=False, **kwargs):
        if getattr(instance, "_pagecache_changed", True):
            invalidate({tag})

    def deleted(sender, instance, **kwargs):
        invalidate({tag})

    connect(pre_save, before_save, model, f"{model.__name__}-before")
    connect(post_save, saved, model, f"{model.__name__}-saved")
    connect(post_delete, deleted, model, f"{model.__name__}-deleted")


def _changed(sender, instance, fields: tuple[str, ...]) -> bool:
    if instance.pk is None:
        return True
    before = sender.objects.filter(pk=instance.pk).values_list(*fields).first()
    return before != tuple(getattr(instance, field) for field in fields)
