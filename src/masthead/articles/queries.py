"""Which stories readers may see, and in what order: the one place that decides it (the
page-tree visibility under it is masthead.core.visibility)."""

from django.db.models import Exists, F, OuterRef, Q, prefetch_related_objects

from masthead.articles.models import ArticleByline, ArticlePage, Correction
from masthead.core.visibility import public_pages
from masthead.people.models import Person


def public_stories(request=None):
    """Live stories outside any private section, without their bodies."""
    return public_pages(ArticlePage.objects.live().defer_streamfields(), request)


def newest_first(queryset):
    """Newest by the public date; ties broken by id, so the order is total and stable."""
    return queryset.order_by(F("published_at").desc(nulls_last=True), "-pk")


def oldest_first(queryset):
    """Oldest first, the reverse of `newest_first`. With `before` and `after`, kept unused for
    the archive's keyset pagination."""
    return queryset.order_by(F("published_at").asc(nulls_first=True), "pk")


def before(story) -> Q:
    """The stories that come before `story` in `oldest_first` order (keyset pagination)."""
    return Q(published_at__lt=story.published_at) | Q(
        published_at=story.published_at, pk__lt=story.pk
    )


def after(story) -> Q:
    """The stories that come after `story` in `oldest_first` order (keyset pagination)."""
    return Q(published_at__gt=story.published_at) | Q(
        published_at=story.published_at, pk__gt=story.pk
    )


def sort_key(story) -> tuple:
    """The stories' order in Python (oldest first), as `newest_first` sorts them in SQL."""
    return (story.published_at is not None, story.published_at or 0, story.pk)


def with_lead_images(queryset):
    """Fetch the stories' lead images and their renditions in two queries, not one per story."""
    return queryset.select_related("lead_image").prefetch_related("lead_image__renditions")


def with_renditions(stories) -> None:
    """Fetch the renditions of the lead images of `stories` (selected with them) in one query,
    however many lists the stories come from."""
    prefetch_related_objects(
        [story for story in stories if story.lead_image_id], "lead_image__renditions"
    )


def crediting(stories, person=None, *, slug: str | None = None):
    """Those of `stories` that credit `person` (or the person with this slug): in a byline or as
    the source credit. Each story once: the bylines stay in a subquery. The person's bylines
    and source credits are each read from their own index; an OR across a join of the bylines
    had the database read every story of the archive."""
    if person is not None:
        bylined = ArticleByline.objects.filter(person=person)
        as_source = Q(credit_organisation=person)
    else:
        bylined = ArticleByline.objects.filter(person__slug=slug)
        as_source = Q(credit_organisation__slug=slug)
    return stories.filter(Q(pk__in=bylined.values("page_id")) | as_source)


def credited_people(request=None):
    """People and organisations credited (in a byline or as the source) on at least one public
    story: the only ones readers may know of. Someone credited only on drafts, scheduled,
    embargoed or restricted stories has no public profile yet."""
    stories = public_stories(request)
    in_bylines = stories.filter(bylines__person=OuterRef("pk"))
    as_source = stories.filter(credit_organisation=OuterRef("pk"))
    return Person.objects.filter(Exists(in_bylines) | Exists(as_source))


def public_corrections(request=None):
    """Notes on public stories, newest first (a pulled story's notes go with it)."""
    return (
        Correction.objects.filter(page__in=public_stories(request).values("pk"))
        .select_related("page")
        .defer("page__body")
        .order_by("-noted_at", "-pk")
    )
