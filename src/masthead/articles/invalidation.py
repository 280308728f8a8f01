"""What a change to a story or a tag invalidates in the page cache (docs/page-cache.md).

A story's lists are its sections (its own and the ones above it), its tags, its authors and the
organisation it is credited to (whose author page and feeds list it); with its public date they
decide where it appears in every list.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.articles.models import ArticlePage, Correction
from masthead.pagecache import changes, deps
from masthead.pagecache.invalidation import invalidate
from masthead.pagecache.listings import forget_listings, listing_changes
from masthead.sections.models import SectionPage


def current_listings(story) -> list[str]:
    """The list tags of every list `story` is in now."""
    sections = SectionPage.objects.filter(
        path__in=[story.path[:end] for end in range(story.steplen, len(story.path), story.steplen)]
    ).values_list("pk", flat=True)
    tags = story.tags.values_list("pk", flat=True)
    authors = [*story.bylines.values_list("person_id", flat=True), story.credit_organisation_id]
    return sorted(
        {deps.section_list_tag(pk) for pk in sections}
        | {deps.tag_list_tag(pk) for pk in tags}
        | {deps.author_list_tag(pk) for pk in authors if pk}
    )


def publication_changes(story) -> set[str]:
    return listing_changes(story.pk, story.published_at, current_listings(story))


def withdrawal_changes(story) -> set[str]:
    now_in = current_listings(story) if story.pk is not None and story.path else []
    return forget_listings(story.pk, now_in)


def story_published(sender, instance, **kwargs):
    invalidate({deps.page_tag(instance.pk), deps.SITEMAPS, *publication_changes(instance)})


def story_withdrawn(sender, instance, **kwargs):
    """Unpublished or deleted."""
    invalidate({deps.page_tag(instance.pk), deps.SITEMAPS, *withdrawal_changes(instance)})


def story_moved(sender, instance, **kwargs):
    if instance.specific_class is not ArticlePage:
        return
    story = ArticlePage.objects.get(pk=instance.pk)
    if story.live:
        # Its view restrictions are looked up by tree path, which moved with it.
        tags = {deps.page_tag(story.pk), deps.SITEMAPS, deps.RESTRICTIONS}
        invalidate(tags | publication_changes(story))


def correction_changed(sender, instance, raw=False, **kwargs):
    """A correction shows on its story's page and on the corrections list."""
    if not raw and instance.page_id:
        invalidate({deps.page_tag(instance.page_id), deps.CORRECTIONS})


def connect() -> None:
    changes.record_when_loaded(ArticlePage, deps.page_tag, "story")
    changes.record_when_loaded(Tag, deps.tag_name_tag, "tag")
    changes.connect(page_published, story_published, ArticlePage, "story-published")
    changes.connect(page_unpublished, story_withdrawn, ArticlePage, "story-unpublished")
    changes.connect(post_delete, story_withdrawn, ArticlePage, "story-deleted")
    changes.connect(post_page_move, story_moved, None, "story-moved")
    changes.invalidate_when_saved_or_deleted(Tag, lambda tag: deps.tag_name_tag(tag.pk))
    changes.connect(post_save, correction_changed, Correction, "correction-saved")
    changes.connect(post_delete, correction_changed, Correction, "correction-deleted")
