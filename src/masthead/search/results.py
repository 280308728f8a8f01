"""Reader search: which stories match, in what order, and what each result shows (the page
is masthead.reader.search)."""

from dataclasses import dataclass

from markupsafe import Markup
from wagtail.search.query import PlainText

from masthead.articles.body_facts import body_facts
from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_stories
from masthead.articles.text import join_sentences
from masthead.search.highlight import excerpt, highlight, term_pattern
from masthead.search.query import ReaderQuery


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
    """The standfirst and the running text of the body, joined as sentences (no query per
    result)."""
    return join_sentences(story.standfirst, body_facts(story.body).words)


def search_hits(stories, query: ReaderQuery) -> list[SearchHit]:
    pattern = term_pattern(query.terms)
    return [
        SearchHit(story, highlight(story.title, pattern), excerpt(story_text(story), pattern))
        for story in stories
    ]
