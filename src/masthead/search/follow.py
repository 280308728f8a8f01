"""The reader index follows every change that shows or hides a story, in the change's
transaction: a save of the story's live row, publish (including an embargoed or scheduled
story's release by the worker, and a new public date), unpublish and pull, delete (the row goes
with the page), a move of the story or of a section above it, and a view restriction added,
changed or removed. The archive's totals (`articles/archive.py`) follow the same changes,
through `index`, and a story's deletion. These are the signals the page cache's invalidation hooks
(articles/invalidation.py, core/invalidation.py), and Wagtail's own index's post_save.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.articles.models import ArticlePage
from masthead.search import index

# A save that writes none of these (a draft saved on a live story) changes nothing readers find.
SHOWN_FIELDS = frozenset(
    {"live", "title", "standfirst", "body", "published_at", "first_published_at", "slug", "path"}
)


def story_published(sender, instance, **kwargs):
    index.index_story(instance)


def story_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """Any other way a story's live row changes (created live, an import, a copy): the row as
    stored, which holds the live content (drafts live in revisions)."""
    if raw or (update_fields is not None and not SHOWN_FIELDS & set(update_fields)):
        return
    index.index_story(instance)


def story_withdrawn(sender, instance, **kwargs):
    index.forget(instance.pk)


def story_deleted(sender, instance, **kwargs):
    """Before a story's row goes (alone, or with a section above it): out of every list."""
    index.forget(instance.pk)


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """A story, or a section with its stories: new addresses, maybe new restrictions."""
    if parent_page_before is not None and parent_page_before == parent_page_after:
        return  # reordered among its siblings: nothing a reader finds changes
    index.index_under(instance.path)


def restriction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # The page may be going too (its restrictions are deleted with it): then so are its stories.
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is not None:
        index.index_under(path)


def connect() -> None:
    uid = "masthead.search.follow"
    page_published.connect(story_published, sender=ArticlePage, dispatch_uid=f"{uid}.published")
    post_save.connect(story_saved, sender=ArticlePage, dispatch_uid=f"{uid}.saved")
    page_unpublished.connect(story_withdrawn, sender=ArticlePage, dispatch_uid=f"{uid}.unpub")
    pre_delete.connect(story_deleted, sender=ArticlePage, dispatch_uid=f"{uid}.deleted")
    post_page_move.connect(page_moved, dispatch_uid=f"{uid}.moved")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}.{signal}"
        )
