"""What a change to a standard page or a menu invalidates in the page cache
(docs/page-cache.md). Menus and the publisher's policy links show on every page, so both go
through the navigation's tag: a menu edit, or a standard page published, unpublished, moved or
deleted, refreshes every cached page."""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.pagecache import changes, deps
from masthead.pagecache.invalidation import invalidate
from masthead.pages.models import FooterMenuItem, HeaderMenuItem, MenuSettings, StandardPage


def page_changed(sender, instance, **kwargs):
    invalidate({deps.page_tag(instance.pk), deps.NAV, deps.SITEMAPS})


def page_moved(sender, instance, **kwargs):
    if instance.specific_class is StandardPage:
        invalidate({deps.page_tag(instance.pk), deps.NAV, deps.SITEMAPS})


def connect() -> None:
    changes.record_when_loaded(StandardPage, deps.page_tag, "standard-page")
    changes.connect(page_published, page_changed, StandardPage, "standard-page-published")
    changes.connect(page_unpublished, page_changed, StandardPage, "standard-page-unpublished")
    changes.connect(post_delete, page_changed, StandardPage, "standard-page-deleted")
    changes.connect(post_page_move, page_moved, None, "standard-page-moved")
    for model in (MenuSettings, HeaderMenuItem, FooterMenuItem):
        changes.invalidate_when_saved_or_deleted(model, lambda _instance: deps.NAV)
