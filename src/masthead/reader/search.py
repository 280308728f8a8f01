"""The search results page: the reader's words, a page of hits, links to the pages around.

The search itself is one query (masthead.search.engine); results stop at MAX_PAGES pages, and a
page number beyond is answered with a page that says so, without searching.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.http import urlencode

from masthead.core.pagination import page_suffix
from masthead.search import engine, limits
from masthead.search.query import MAX_QUERY_CHARS, ReaderQuery, clean_query
from masthead.search.results import search_hits

PAGE_SIZE = engine.PAGE_SIZE


def page_link(query: ReaderQuery, number: int) -> str:
    return "?" + urlencode({"q": query.text, "page": number})


class _Found:
    """The results as Django's Paginator sees them: as many as may be shown, and the page
    that was fetched whatever slice is asked for."""

    def __init__(self, found: engine.Found):
        self.found = found

    def count(self) -> int:
        return min(self.found.matched, engine.MAX_PAGES * PAGE_SIZE)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        return list(self.found.rows)


def page_number(request) -> int:
    raw = request.GET.get("page", "1")
    if not (raw.isascii() and raw.isdigit() and 0 < len(raw) <= 6) or int(raw) < 1:
        raise Http404(f"There is no page {raw[:20]!r} of these results.")
    return int(raw)


def search_page_context(request) -> dict:
    """The search page for `?q=...&page=N`; a bad page number is a 404. Raises
    `SearchUnavailable` when the search is busy or too slow (the view answers 503)."""
    query = clean_query(request.GET.get("q", ""))
    found = engine.plan(query)
    context = {
        "query": query,
        "max_query_chars": MAX_QUERY_CHARS,
        "stop_words_only": not query.is_empty and found.is_empty,
        "beyond_depth": False,
        "max_pages": engine.MAX_PAGES,
        "results_page": None,
        "result_count": 0,
        "count_capped": False,
        "hits": [],
        "page_suffix": "",
        "previous_url": None,
        "next_url": None,
    }
    if found.is_empty:
        return context
    number = page_number(request)
    if number > engine.MAX_PAGES:
        return context | {"beyond_depth": True}
    with limits.search_slot():
        results = engine.search(found, number)
    try:
        results_page = Paginator(_Found(results), PAGE_SIZE).page(number)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(f"There is no page {number} of these results.") from error
    return context | results_context(query, found, results, results_page)


def results_context(query: ReaderQuery, found: engine.Plan, results, results_page) -> dict:
    number = results_page.number
    return {
        "results_page": results_page,
        "result_count": results.matched,
        "count_capped": results.capped,
        "more_than_shown": results.matched > engine.MAX_PAGES * PAGE_SIZE,
        "hits": search_hits(results.rows, found, query),
        "page_suffix": page_suffix(results_page),
        "previous_url": page_link(query, number - 1) if results_page.has_previous() else None,
        "next_url": page_link(query, number + 1) if results_page.has_next() else None,
    }
