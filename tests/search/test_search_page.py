"""The reader search page: what it finds, in what order, and how it shows it."""

import re
from datetime import datetime

import pytest
from wagtail.models import PageViewRestriction

from masthead.core.dates import newsroom_zone
from tests.conftest import REFERENCE_URL
from tests.factories import ArticlePageFactory, SectionPageFactory, publish, section_named
from tests.pages import main_text, parse, visible_text
from tests.search.helpers import document, result_headlines, search
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_story")]

REFERENCE_HEADLINE = "Pakistan Quietly Greenlights Security Pact with US"


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def _reference_story():
    """The reference story at its address in Top News, and another story beside it (built once
    for the module, tests/worlds.py)."""
    top_news = section_named("top-news")
    ArticlePageFactory(
        parent=top_news,
        title="Ceasefire talks resume in Doha",
        body=paragraph("Negotiators from both sides returned to the table on Monday."),
        published=True,
    )
    return ArticlePageFactory(
        parent=top_news,
        title=REFERENCE_HEADLINE,
        slug="pakistan-quietly-greenlights-security-pact-with-us",
        standfirst="Pakistan and the US are yet to make official the deal they signed",
        body=paragraph(
            "Islamabad has signed a security agreement with Washington. The pact lets the two "
            "armies share equipment, officials said."
        ),
        published_at=datetime(2023, 8, 3, 12, tzinfo=newsroom_zone()),
        published=True,
    )


reference_story = module_world(_reference_story)


def test_the_reference_story_is_found_by_security_pact(client):
    response = search(client, "security pact")
    html = parse(response)
    assert result_headlines(response)[0] == REFERENCE_HEADLINE
    first = html.xpath("//ol[contains(@class, 'search-results')]/li")[0]
    assert first.xpath(".//h2/a/@href") == [REFERENCE_URL]
    assert visible_text(first.xpath(".//time")[0]) == "August 3, 2023"
    assert first.xpath(".//h2//mark/text()") == ["Security", "Pact"]
    excerpt = first.xpath(".//p[@class='teaser__excerpt']")[0]
    assert {m.text.lower() for m in excerpt.xpath("mark")} == {"security", "pact"}


def test_a_headline_word_puts_the_reference_story_first(client, section):
    # Other stories use the headline's words in their bodies, several times over.
    for n in range(3):
        ArticlePageFactory(
            parent=section,
            title=f"Island news {n}",
            body=paragraph("The cabinet greenlights budgets. " * (n + 1) + "Nothing else."),
        )
    headlines = result_headlines(search(client, "greenlights"))
    assert headlines[0] == REFERENCE_HEADLINE
    assert len(headlines) == 4


def test_a_headline_match_ranks_above_a_body_only_match(client, section):
    ArticlePageFactory(
        parent=section,
        title="Ferry",
        standfirst="Officials met",
        body=paragraph("Zanzibar officials met in Zanzibar to talk about Zanzibar ferries."),
    )
    ArticlePageFactory(
        parent=section,
        title="Zanzibar ferry talks resume after long delays in the crowded port city",
        standfirst="The talks had stalled for months",
        body=paragraph("Negotiators from both sides said they were hopeful about the outcome."),
    )
    assert result_headlines(search(client, "zanzibar")) == [
        "Zanzibar ferry talks resume after long delays in the crowded port city",
        "Ferry",
    ]


def test_every_word_must_match(client, section):
    ArticlePageFactory(parent=section, title="Zanzibar ferry")
    ArticlePageFactory(parent=section, title="Zanzibar spice")
    assert result_headlines(search(client, "zanzibar ferry")) == ["Zanzibar ferry"]
    assert len(result_headlines(search(client, "Zanzibar"))) == 2


def test_drafts_and_unpublished_stories_are_never_found(client, section):
    ArticlePageFactory(parent=section, title="Zanzibar draft", live=False)
    withdrawn = publish(ArticlePageFactory(parent=section, title="Zanzibar withdrawn"))
    withdrawn.unpublish()
    live = publish(ArticlePageFactory(parent=section, title="Zanzibar live"))
    live.title = "Zanzibar quokka"  # a newer draft of a live story: its words are not public
    live.save_revision()
    assert result_headlines(search(client, "zanzibar")) == ["Zanzibar live"]
    assert "No stories match “quokka”" in main_text(search(client, "quokka"))


@pytest.mark.parametrize("restriction_type", ["login", "password"])
def test_stories_in_a_view_restricted_section_are_never_found(client, home, restriction_type):
    staff = SectionPageFactory(parent=home, title="Staff only", slug="staff-only")
    PageViewRestriction.objects.create(page=staff, restriction_type=restriction_type, password="x")
    ArticlePageFactory(parent=staff, title="Zanzibar secret memo")
    assert result_headlines(search(client, "zanzibar")) == []


def test_a_view_restricted_story_is_never_found(client, section):
    secret = ArticlePageFactory(parent=section, title="Zanzibar secret")
    ArticlePageFactory(parent=section, title="Zanzibar open")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert result_headlines(search(client, "zanzibar")) == ["Zanzibar open"]


def test_the_results_mark_the_words_and_escape_the_text(client, section):
    ArticlePageFactory(
        parent=section,
        title="Zanzibar <b>bold</b> & co",
        standfirst="<script>alert('zanzibar')</script>",
        body=paragraph("Zanzibari traders &amp; ZANZIBAR fishermen"),
    )
    content = search(client, "ZANZIBAR").content.decode()
    assert "<mark>Zanzibar</mark> &lt;b&gt;bold&lt;/b&gt; &amp; co</a>" in content
    assert "&lt;script&gt;alert(&#39;<mark>zanzibar</mark>&#39;)&lt;/script&gt;" in content
    assert "Zanzibari traders &amp; <mark>ZANZIBAR</mark> fishermen" in content
    assert "<script>" not in content


def test_the_excerpt_shows_a_match_deep_in_the_body(client, section):
    filler = " ".join(f"word{n}" for n in range(300))
    ArticlePageFactory(
        parent=section, title="Long read", body=paragraph(f"{filler} The quokka appeared.")
    )
    html = parse(search(client, "quokka"))
    excerpt = html.xpath("//p[@class='teaser__excerpt']")[0]
    assert excerpt.xpath("mark/text()") == ["quokka"]
    assert visible_text(excerpt).startswith("…word")


def test_results_are_paginated_ten_to_a_page_with_the_query_kept(client, section):
    for n in range(25):
        ArticlePageFactory(parent=section, title=f"Zanzibar report {n}")
    pages = [parse(search(client, "zanzibar", page=n)) for n in (1, 2, 3)]
    headlines = [[visible_text(h) for h in page.xpath("//main//ol/li//h2")] for page in pages]
    assert [len(h) for h in headlines] == [10, 10, 5]
    assert len({h for page in headlines for h in page}) == 25
    assert pages[0].xpath("//a[@rel='next']/@href") == ["?q=zanzibar&page=2"]
    assert pages[1].xpath("//a[@rel='prev']/@href") == ["?q=zanzibar&page=1"]
    assert pages[2].xpath("//a[@rel='next']") == []
    assert "25 stories match “zanzibar”: showing 11 to 20." in visible_text(pages[1])
    assert (
        pages[1].xpath("//title/text()")[0].startswith("Search results for “zanzibar” (page 2) |")
    )


@pytest.mark.parametrize("page", ["abc", "-1", "0", "4", "1234567", "1.5", "%00", ""])
def test_a_bad_page_number_is_a_404_not_a_500(client, section, page):
    for n in range(25):
        ArticlePageFactory(parent=section, title=f"Zanzibar report {n}")
    response = search(client, "zanzibar", page=page)
    assert response.status_code == 404
    assert document(response).xpath("//h1/text()") == ["Page not found"]


def test_a_page_past_the_depth_says_that_results_stop_there(client, section):
    for n in range(25):
        ArticlePageFactory(parent=section, title=f"Zanzibar report {n}")
    response = search(client, "zanzibar", page="999999")
    assert response.status_code == 200
    assert "Results stop at page 50" in main_text(response)


def test_the_page_is_not_indexed_and_describes_itself(client):
    for query in ("", "security pact", "quokka"):
        html = parse(search(client, query))
        assert html.xpath("//meta[@name='robots']/@content") == ["noindex"]
        assert html.xpath("//meta[@name='description']/@content")[0]
        assert len(html.xpath("//h1")) == 1
    title = parse(search(client, "security pact")).xpath("//title/text()")[0]
    assert re.fullmatch(r"Search results for “security pact” \| \S.*", title)
    assert re.fullmatch(r"Search \| \S.*", parse(search(client)).xpath("//title/text()")[0])


def test_the_search_form_works_without_javascript(client):
    html = parse(search(client, 'security "pact'))
    form = html.xpath("//main//form[@role='search']")[0]
    assert form.get("method") == "get"
    assert form.get("action") == "/search/"
    field = form.xpath(".//input[@name='q']")[0]
    assert field.get("type") == "search"
    assert field.get("value") == 'security "pact'
    assert form.xpath(f".//label[@for='{field.get('id')}']")
    assert form.xpath(".//button[@type='submit']")
    assert html.xpath("//script") == []


def test_the_result_count_is_shown(client):
    assert "1 story matches “security pact”." in main_text(search(client, "security pact"))


def test_helpful_text_for_an_empty_query_and_for_no_results(client):
    empty = main_text(search(client))
    assert "Type one or more words" in empty
    assert "No stories match" not in empty
    nothing = main_text(search(client, "xylophonist quokka"))
    assert "No stories match “xylophonist quokka”." in nothing
    assert "Check the spelling" in nothing
    symbols = main_text(search(client, "*** ^ ()"))
    assert "“*** ^ ()” has no words to search for" in symbols


def test_a_quoted_phrase_is_shown_in_one_pair_of_quotation_marks(client):
    html = parse(search(client, '"security pact"'))
    assert visible_text(html.xpath("//h1")[0]) == "Search results for “security pact”"
    assert html.xpath("//title/text()")[0].startswith("Search results for “security pact” |")
    longer = parse(search(client, '"security pact" talks'))
    assert visible_text(longer.xpath("//h1")[0]) == "Search results for “‘security pact’ talks”"
