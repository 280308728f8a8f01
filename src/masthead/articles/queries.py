"""Which stories readers may see, and in what order: the one place that decides it."""

from django.db.models import F, Q

from masthead.articles.models import ArticlePage

_PRIVATE_Q = "_masthead_private_q"


def _private_q(queryset, request):
    """The view-restricted part of the tree, looked up once per request."""
    if request is None:
        return queryset.private_q()
    if not hasattr(request, _PRIVATE_Q):
        setattr(request, _PRIVATE_Q, queryset.private_q())
    return getattr(request, _PRIVATE_Q)


def public_pages(queryset, request=None):
    """`queryset` without the pages in a private (view-restricted) part of the tree."""
    return queryset.exclude(_private_q(queryset, request))


def public_stories(request=None):
    """Live stories outside any private section, without their bodies."""
    return public_pages(ArticlePage.objects.live().defer_streamfields(), request)


def newest_first(queryset):
    """Newest by the public date; ties broken by id, so the order is total and stable."""
    return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")


def oldest_first(queryset):
    return queryset.order_by(F("published_at").asc(nulls_first=True), "pk")


def before(story) -> Q:
    return Q(published_at__lt=story.published_at) | Q(
        published_at=story.published_at, pk__lt=story.pk
    )


def after(story) -> Q:
    return Q(published_at__gt=story.published_at) | Q(
        published_at=story.published_at, pk__gt=story.pk
    )


def with_lead_images(queryset):
    """Fetch the stories' lead images and their renditions in two queries, not one per story."""
    return queryset.select_related("lead_image").prefetch_related("lead_image__renditions")
