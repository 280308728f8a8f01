"""Pages of a listing (`?page=N`) and how a title names them: every reader listing uses these.

A listing's pages cost the same at either end of the archive: a page in the older half is read
from the other end (the listing's order reversed, then the rows put back in order), so no page
skips more than half the listing, and the last page skips none (keyset pagination's cost
without a cursor in the URL: `?page=N` stays the only parameter, as the page cache wants).
A listing may be counted by a query of its own (`counted`): the same rows, filtered so that an
index serves the count, where the listing's own filter lets the database walk its order.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from masthead.pagecache import deps


class FromNearerEndPaginator(Paginator):
    """Django's Paginator, reading a page of an ordered queryset (or of what reads like one,
    `articles.lists.ArchiveList`) from whichever end is nearer."""

    def __init__(self, object_list, per_page, counted=None, **options):
        super().__init__(object_list, per_page, **options)
        self.counted = counted

    @cached_property
    def count(self):
        return self.counted.count() if self.counted is not None else super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if self.orphans and top + self.orphans >= self.count:
            top = self.count
        items = self.object_list
        if _reversible(items) and self.count - top < bottom:
            rows = list(items.reverse()[self.count - top : self.count - bottom])
            rows.reverse()
            return self._get_page(rows, number, self)
        return self._get_page(items[bottom:top], number, self)


def _reversible(items) -> bool:
    """An ordered queryset, or what reads like one (`articles.lists.ArchiveList`)."""
    return getattr(items, "ordered", False) is True and callable(getattr(items, "reverse", None))


def paginate(items, request, per_page: int, counted=None):
    """A page of `items` by `?page=N` (`counted`: the same rows, to count); a page that is not a
    positive number or is out of range is a 404, never a 500."""
    raw = request.GET.get("page", "1")
    deps.record_paginated()
    paginator = FromNearerEndPaginator(items, per_page, counted, allow_empty_first_page=True)
    try:
        return paginator.page(raw)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(f"There is no page {raw[:20]!r} of this listing.") from error


def page_suffix(listing_page) -> str:
    """What titles and descriptions add from a listing's second page on: " (page 2)"."""
    number = getattr(listing_page, "number", 1)
    return f" (page {number})" if number > 1 else ""
