"""Ranking: recency is part of the rank, and a labelled set finds its stories, on the database
the suite runs on (SQLite, and PostgreSQL in .ci/run's second pass)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.body_facts import body_facts
from masthead.articles.models import ArticlePage
from masthead.demo.corpus import seed_corpus
from masthead.search.tokens import token_text
from tests.factories import ArticlePageFactory
from tests.search.helpers import result_headlines, search

pytestmark = pytest.mark.django_db


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def story(section, title, body, age_days, standfirst="Islands news"):
    return ArticlePageFactory(
        parent=section,
        title=title,
        standfirst=standfirst,
        body=paragraph(body),
        published_at=timezone.now() - timedelta(days=age_days),
        published=True,
    )


def test_of_two_equally_relevant_stories_the_newer_comes_first(client, section):
    body = "The Pemba ferry timetable changes on Monday, the harbour master said."
    story(section, "Harbour notice", body, age_days=365)
    story(section, "Harbour update", body, age_days=0)
    story(section, "Harbour bulletin", body, age_days=30)
    assert result_headlines(search(client, "pemba")) == [
        "Harbour update",
        "Harbour bulletin",
        "Harbour notice",
    ]


def test_a_year_old_story_needs_clearly_higher_relevance_to_come_first(client, section):
    today = "Officials said the Pemba ferry might run late."
    story(section, "Harbour update", today, age_days=0)
    story(section, "Pemba ferry sinks", "The Pemba ferry sank off the reef.", age_days=365)
    # The word in the old story's headline (ten times a body word) beats today's passing mention.
    assert result_headlines(search(client, "pemba")) == ["Pemba ferry sinks", "Harbour update"]
    # Today's story with the word in its headline as well comes first.
    story(section, "Pemba ferry delayed", today, age_days=0)
    assert result_headlines(search(client, "pemba"))[0] == "Pemba ferry delayed"


@pytest.fixture
def labelled():
    """A seeded corpus of 120 stories; a sample of those whose headline is their own."""
    seed_corpus(120, seed="labelled-set", batch_size=60)
    stories = list(ArticlePage.objects.live().order_by("pk"))
    headlines = [s.title for s in stories]
    return [s for s in stories[::8] if headlines.count(s.title) == 1]


def test_a_storys_exact_headline_finds_it_first(client, labelled):
    assert len(labelled) >= 10
    misses = [
        (s.title, result_headlines(search(client, s.title))[:3])
        for s in labelled
        if result_headlines(search(client, s.title))[:1] != [s.title]
    ]
    assert not misses


def distinctive_phrase(story, others) -> str | None:
    """Eight words of the story's body that, as the index's words, no other story has in this
    order (the seeded copy is built from templates: most runs of words are shared)."""
    words = body_facts(story.body).words.split()
    for start in range(len(words) - 8):
        phrase = " ".join(words[start : start + 8])
        if sum(f" {token_text(phrase)} " in text for text in others) == 1:
            return phrase
    return None


@pytest.mark.parametrize("quoted", [False, True], ids=["words", "quoted"])
def test_a_distinctive_phrase_from_the_body_finds_the_story_in_the_top_three(
    client, labelled, quoted
):
    others = [f" {token_text(body_facts(s.body).words)} " for s in ArticlePage.objects.live()]
    misses = []
    for s in labelled:
        phrase = distinctive_phrase(s, others)
        assert phrase is not None
        query = f'"{phrase}"' if quoted else phrase
        top = result_headlines(search(client, query))[:3]
        if s.title not in top:
            misses.append((phrase, s.title, top))
    assert not misses
