"""Which stories readers may see, and in what order: the one place that decides it (the
page-tree visibility under it is masthead.core.visibility)."""

from django.db.models import F, Q

from masthead.articles.models import ArticlePage
from masthead.core.visibility import public_pages


def public_stories(request=None):
    """Live stories outside any private section, without their bodies."""
    return public_pages(ArticlePage.objects.live().defer_streamfields(), request)


def newest_first(queryset):
    """Newest by the public date; ties broken by id, so the order is total and stable."""
    return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")


# `before` and `after`: a story's place in `newest_first`'s order, for keyset pagination.
def before(story) -> Q:
    return Q(published_at__lt=story.published_at) | Q(
        published_at=story.published_at, pk__lt=story.pk
    )


def after(story) -> Q:
    return Q(published_at__gt=story.published_at) | Q(
        published_at=story.published_at, pk__gt=story.pk
    )


def sort_key(story) -> tuple:
    """The stories' order in Python (oldest first), as `newest_first` sorts them in SQL."""
    return (story.published_at is not None, story.published_at or 0, story.pk)


def with_lead_images(queryset):
    """Fetch the stories' lead images and their renditions in two queries, not one per story."""
    return queryset.select_related("lead_image").prefetch_related("lead_image__renditions")
