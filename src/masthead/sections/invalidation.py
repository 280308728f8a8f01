"""What a change to a section or the front page invalidates in the page cache
(docs/page-cache.md): its own page, and the navigation when what the menus show changed."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import post_page_move

from masthead.pagecache import changes, deps
from masthead.pagecache.invalidation import invalidate
from masthead.sections.models import HomePage, SectionPage

NAV_FIELDS = ("title", "slug", "show_in_menus", "live", "url_path", "seo_title")


def section_before_save(sender, instance, **kwargs):
    instance._pagecache_before = (
        sender.objects.filter(pk=instance.pk).values(*NAV_FIELDS).first() if instance.pk else None
    )


def section_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not set(update_fields) & set(NAV_FIELDS)):
        return  # a draft saved: readers see nothing of it yet
    before = getattr(instance, "_pagecache_before", None)
    after = {field: getattr(instance, field) for field in NAV_FIELDS}
    tags = {deps.page_tag(instance.pk)}
    if before != after:
        tags.add(deps.NAV)
    invalidate(tags)


def section_deleted(sender, instance, **kwargs):
    invalidate({deps.page_tag(instance.pk), deps.NAV, deps.ALL_STORIES})


def section_moved(sender, instance, **kwargs):
    if instance.specific_class is SectionPage:
        # Every URL below it changed: every page that links one of its stories is affected.
        invalidate({deps.SITE, deps.NAV})


def connect() -> None:
    for model in (SectionPage, HomePage):
        changes.connect(pre_save, section_before_save, model, f"{model.__name__}-before")
        changes.connect(post_save, section_saved, model, f"{model.__name__}-saved")
        changes.connect(post_delete, section_deleted, model, f"{model.__name__}-deleted")
    changes.connect(post_page_move, section_moved, None, "section-moved")
