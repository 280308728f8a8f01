"""What each kind of change invalidates. Reader pages record what they show (`deps`); here every
change to content names the same tags, and nothing more, so that a publish refreshes the pages
that showed the story and leaves the rest of the site cached."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_init, post_save, pre_save
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.articles.models import ArticlePage
from masthead.core.models import SiteSettings
from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from masthead.pagecache import deps
from masthead.pagecache.invalidation import invalidate
from masthead.pagecache.listings import forget_listings, listing_changes
from masthead.people.models import Person
from masthead.publishing.models import Correction
from masthead.sections.models import HomePage, SectionPage

# Recording: whatever a reader request loads, its response depends on ------------------------


def _recorder(make_tag):
    def record_instance(sender, instance, **kwargs):
        if deps.current() is not None and instance.pk is not None:
            deps.record(make_tag(instance.pk))

    return record_instance


# Stories ------------------------------------------------------------------------------------


def story_published(sender, instance, **kwargs):
    invalidate({deps.page_tag(instance.pk), deps.SITEMAPS, *listing_changes(instance)})


def story_unpublished(sender, instance, **kwargs):
    invalidate({deps.page_tag(instance.pk), deps.SITEMAPS, *forget_listings(instance)})


def story_deleted(sender, instance, **kwargs):
    invalidate({deps.page_tag(instance.pk), deps.SITEMAPS, *forget_listings(instance)})


def page_moved(sender, instance, **kwargs):
    specific = instance.specific_class
    if specific is ArticlePage:
        story = ArticlePage.objects.get(pk=instance.pk)
        if story.live:
            # Its view restrictions are looked up by tree path, which moved with it.
            tags = {deps.page_tag(story.pk), deps.SITEMAPS, deps.RESTRICTIONS}
            invalidate(tags | listing_changes(story))
    elif specific is SectionPage:
        # Every URL below it changed: every page that links one of its stories is affected.
        invalidate({deps.SITE, deps.NAV})


# Sections and the front page -----------------------------------------------------------------

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


# Curation: only what changed -----------------------------------------------------------------

BANNER_FIELDS = ("banner_text", "banner_story_id", "banner_expires_at")
PIN_FIELDS = ("curation_id", "story_id", "slot", "expires_at", "sort_order")
PICK_FIELDS = ("curation_id", "story_id", "expires_at", "sort_order")


def _changed(sender, instance, fields) -> bool:
    if instance.pk is None:
        return True
    before = sender.objects.filter(pk=instance.pk).values_list(*fields).first()
    return before != tuple(getattr(instance, field) for field in fields)


def _on_change(tag, fields):
    def before_save(sender, instance, raw=False, **kwargs):
        instance._pagecache_changed = raw or _changed(sender, instance, fields)

    def saved(sender, instance, raw=False, **kwargs):
        if getattr(instance, "_pagecache_changed", True):
            invalidate({tag})

    def deleted(sender, instance, **kwargs):
        invalidate({tag})

    return before_save, saved, deleted


# Connecting ---------------------------------------------------------------------------------

_handlers = []  # kept alive: signals hold weak references to local functions


def _connect(signal, handler, sender, uid):
    _handlers.append(handler)
    signal.connect(handler, sender=sender, dispatch_uid=f"masthead.pagecache.{uid}")


def _simple(tag_of):
    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            invalidate({tag_of(instance)})

    return handler


def connect() -> None:
    image_model = get_image_model()
    for model, make_tag, uid in [
        (ArticlePage, deps.page_tag, "story"),
        (Person, deps.person_tag, "person"),
        (Tag, deps.tag_name_tag, "tag"),
        (image_model, deps.image_tag, "image"),
    ]:
        _connect(post_init, _recorder(make_tag), model, f"record-{uid}")

    _connect(page_published, story_published, ArticlePage, "story-published")
    _connect(page_unpublished, story_unpublished, ArticlePage, "story-unpublished")
    _connect(post_delete, story_deleted, ArticlePage, "story-deleted")
    _connect(post_page_move, page_moved, None, "page-moved")

    for model in (SectionPage, HomePage):
        _connect(pre_save, section_before_save, model, f"{model.__name__}-before")
        _connect(post_save, section_saved, model, f"{model.__name__}-saved")
        _connect(post_delete, section_deleted, model, f"{model.__name__}-deleted")

    for model, tag, fields in [
        (Curation, deps.BANNER, BANNER_FIELDS),
        (FrontPagePin, deps.PINS, PIN_FIELDS),
        (DontMissPick, deps.PICKS, PICK_FIELDS),
    ]:
        before_save, saved, deleted = _on_change(tag, fields)
        _connect(pre_save, before_save, model, f"{model.__name__}-before")
        _connect(post_save, saved, model, f"{model.__name__}-saved")
        _connect(post_delete, deleted, model, f"{model.__name__}-deleted")

    for model, tag_of in [
        (Person, lambda person: deps.person_tag(person.pk)),
        (Tag, lambda tag: deps.tag_name_tag(tag.pk)),
        (image_model, lambda image: deps.image_tag(image.pk)),
        (SiteSettings, lambda settings: deps.SITE),
        (Site, lambda site: deps.SITE),
        (PageViewRestriction, lambda restriction: deps.RESTRICTIONS),
    ]:
        handler = _simple(tag_of)
        _connect(post_save, handler, model, f"{model.__name__}-saved")
        _connect(post_delete, handler, model, f"{model.__name__}-deleted")

    def correction_changed(sender, instance, raw=False, **kwargs):
        if not raw and instance.page_id:
            invalidate({deps.page_tag(instance.page_id), deps.CORRECTIONS})

    _connect(post_save, correction_changed, Correction, "correction-saved")
    _connect(post_delete, correction_changed, Correction, "correction-deleted")


connect()
