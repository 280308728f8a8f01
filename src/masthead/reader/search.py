"""The search results page: the reader's words, a page of hits, links to the pages around."""

from django.utils.http import urlencode

from masthead.core.pagination import page_suffix, paginate
from masthead.search.query import MAX_QUERY_CHARS, ReaderQuery, clean_query
from masthead.search.results import matching_stories, search_hits

PAGE_SIZE = 10


def page_link(query: ReaderQuery, number: int) -> str:
    return "?" + urlencode({"q": query.text, "page": number})


def search_page_context(request) -> dict:
    """The search page for `?q=...&page=N`; a bad page number is a 404 (from `paginate`)."""
    query = clean_query(request.GET.get("q", ""))
    context = {
        "query": query,
        "max_query_chars": MAX_QUERY_CHARS,
        "results_page": None,
        "result_count": 0,
        "hits": [],
        "page_suffix": "",
        "previous_url": None,
        "next_url": None,
    }
    if query.is_empty:
        return context
    results_page = paginate(matching_stories(query, request), request, PAGE_SIZE)
    return context | results_context(query, results_page)


def results_context(query: ReaderQuery, results_page) -> dict:
    number = results_page.number
    return {
        "results_page": results_page,
        "result_count": results_page.paginator.count,
        "hits": search_hits(results_page.object_list, query),
        "page_suffix": page_suffix(results_page),
        "previous_url": page_link(query, number - 1) if results_page.has_previous() else None,
        "next_url": page_link(query, number + 1) if results_page.has_next() else None,
    }
