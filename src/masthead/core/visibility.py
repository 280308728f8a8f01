"""Which pages of the tree readers may see: a page below a view restriction is private.

For a reader request the restrictions come from this process's copy (read again when a
restriction changes or a section moves); for anything else (the admin, the worker, a command)
they are read now. Any page type: stories, sections and the API's pages all go through here.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import PageViewRestriction

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
