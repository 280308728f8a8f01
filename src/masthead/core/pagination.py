"""Pages of a listing (`?page=N`) and how a title names them: every reader listing uses these."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

from masthead.pagecache import deps


def paginate(items, request, per_page: int):
    """A page of `items` by `?page=N`; a page that is not a positive number or is out of range
    is a 404, never a 500."""
    raw = request.GET.get("page", "1")
    deps.record_paginated()
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(raw)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(f"There is no page {raw[:20]!r} of this listing.") from error


def page_suffix(listing_page) -> str:
    """What titles and descriptions add from a listing's second page on: " (page 2)"."""
    number = getattr(listing_page, "number", 1)
    return f" (page {number})" if number > 1 else ""
