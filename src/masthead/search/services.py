"""Reader search: which stories match, in what order, and what each result shows."""

from dataclasses import dataclass

from django.utils.http import urlencode
from markupsafe import Markup
from wagtail.search.query import PlainText

from masthead.articles.body_facts import body_facts
from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_stories
from masthead.search.highlight import excerpt, highlight, term_pattern
from masthead.search.query import MAX_QUERY_CHARS, ReaderQuery, clean_query
from masthead.sections.services import paginate

PAGE_SIZE = 10


@dataclass(frozen=True)
class SearchHit:
    """One result: the story, its headline and an excerpt with the reader's words marked."""

    story: ArticlePage
    headline: Markup
    excerpt: Markup


def matching_stories(query: ReaderQuery, request=None):
    """Live public stories matching every word of `query`, best first, as Wagtail search results.

    The body is loaded with the results (not deferred) because the excerpts are cut from it.
    """
    stories = public_stories(request).defer(None)
    return stories.search(PlainText(query.plain, operator="and"))


def story_text(story: ArticlePage) -> str:
    """The standfirst and the running text of the body (no query per result)."""
    return " ".join(f"{story.standfirst} {body_facts(story.body).words}".split())


def search_hits(stories, query: ReaderQuery) -> list[SearchHit]:
    pattern = term_pattern(query.terms)
    return [
        SearchHit(story, highlight(story.title, pattern), excerpt(story_text(story), pattern))
        for story in stories
    ]


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
        "page_suffix": f" (page {number})" if number > 1 else "",
        "previous_url": page_link(query, number - 1) if results_page.has_previous() else None,
        "next_url": page_link(query, number + 1) if results_page.has_next() else None,
    }
