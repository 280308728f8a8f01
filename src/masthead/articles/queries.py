"""Which stories readers may see, and in what order: the one place that decides it."""

from dataclasses import dataclass

from django.db.models import F, Q
from wagtail.models import PageViewRestriction

from masthead.articles.models import ArticlePage
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide

# In place of a request: a query for what every reader sees (a site-wide list read once per
# process), which uses the process's copy of the view restrictions as a reader request does.
ANY_READER = object()


@dataclass(frozen=True)
class Restriction:
    """A view restriction and the page it covers (with everything below it)."""

    pk: int
    page_id: int
    path: str
    depth: int

    def covers(self, path: str) -> bool:
        return path.startswith(self.path)


def _load_restrictions() -> tuple[Restriction, ...]:
    rows = PageViewRestriction.objects.values_list("pk", "page_id", "page__path", "page__depth")
    return tuple(Restriction(*row) for row in rows.order_by("page__path", "pk"))


def shared_view_restrictions() -> tuple[Restriction, ...]:
    """The view restrictions as this process last read them: read again when a restriction
    changes, or a section moves (and with it the paths below it)."""
    return sitewide("restrictions", {deps.RESTRICTIONS, deps.SITE}, _load_restrictions)


def view_restrictions(request=None) -> tuple[Restriction, ...]:
    """Every view restriction with its page's place in the tree: for a reader request, this
    process's copy; otherwise (the admin, the worker, a command) read now."""
    return _load_restrictions() if request is None else shared_view_restrictions()


def is_private(path: str, request=None) -> bool:
    """Whether the page at this tree path is in a view-restricted part of the tree."""
    return any(restriction.covers(path) for restriction in view_restrictions(request))


def _private_q(request) -> Q:
    """The view-restricted part of the tree (as Wagtail's PageQuerySet.private_q)."""
    q = Q()
    for restriction in view_restrictions(request):
        q |= Q(path__startswith=restriction.path, depth__gte=restriction.depth)
    return q if q else Q(pk__in=[])  # no private section: match no page


def public_pages(queryset, request=None):
    """`queryset` without the pages in a private (view-restricted) part of the tree."""
    return queryset.exclude(_private_q(request))


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
