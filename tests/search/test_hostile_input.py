"""Whatever a reader (or a robot) puts in the address, the search page answers, never a 500."""

import re

import pytest

from tests.factories import ArticlePageFactory, paragraph
from tests.pages import main_text, parse
from tests.search.helpers import SEARCH_URL, result_headlines, search
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("stories")]

REFERENCE_HEADLINE = "Pakistan Quietly Greenlights Security Pact with US"


def _stories():
    """The story about the security pact, and one that only mentions security (built once for
    the module, tests/worlds.py)."""
    ArticlePageFactory(
        title=REFERENCE_HEADLINE,
        body=[paragraph("The security pact and its terms were signed without a debate.")],
        published=True,
    )
    ArticlePageFactory(
        title="Airport security queues grow",
        body=[paragraph("Travellers waited for hours at security.")],
        published=True,
    )


stories = module_world(_stories)


EMPTY_HELP = "Type one or more words"
NO_RESULTS = "No stories match"
STOP_WORDS_ONLY = "has only very common words"

HOSTILE_QUERIES = [
    # blank
    "",
    " ",
    "\t\r\n ",
    # quotes, balanced and not
    '"',
    "'",
    '"unterminated',
    "'unterminated",
    'pact"',
    "pact'",
    '"security pact"',
    "it's \"half' quoted",
    # control bytes
    "\x00",
    "\x1f",
    "pact\x00",
    "\x00\x01\x1f\x7f",
    "se\x00cu\x1frity",
    # FTS5 syntax and operators
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "security AND pact",
    "security OR",
    "NOT pact",
    "pact NOT",
    "NEAR(security pact)",
    "NEAR(security pact, 2)",
    "pact*",
    "*",
    "^pact",
    "^",
    ":",
    "title:pact",
    "body:security",
    "{title body}: pact",
    "- pact",
    "-pact",
    "security -pact",
    "(security",
    "security)",
    "()",
    '"unterminated phrase AND (',
    # PostgreSQL tsquery syntax
    "pact & security",
    "pact | security",
    "!pact",
    "pact <-> security",
    "pact:*",
    "pact' | 'security",
    "pact:A",
    # escapes, SQL and LIKE metacharacters, markup
    "\\",
    "pact\\",
    "%",
    "%%",
    "_",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "&amp; &lt;",
    # unusual Unicode
    "🔥",
    "\u200b\u202e\ufeff",
    "\ufffd",
    "日本語",
    "٣",
    "Ünïcodé pact",
]


def assert_answered(response):
    """A full search page that tells the reader what happened."""
    assert response.status_code == 200, response.status_code
    html = parse(response)
    assert html.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert len(html.xpath("//h1")) == 1
    assert html.xpath("//main//form//input[@name='q']")
    text = main_text(response)
    answers = rf"{EMPTY_HELP}|{STOP_WORDS_ONLY}|{NO_RESULTS} “|\d+ stor(y matches|ies match) “"
    assert re.search(answers, text), text
    return text


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=repr)
def test_a_hostile_query_gets_a_helpful_page(client, query):
    assert_answered(search(client, query))


@pytest.mark.parametrize(
    "query",
    ['"security pact"', "security AND pact", "pact\x00 security", "pact* ^security", "(pact)"],
    ids=repr,
)
def test_operators_are_read_as_plain_words(client, query):
    assert_answered(search(client, query))
    assert result_headlines(search(client, query))[:1] == [REFERENCE_HEADLINE]


@pytest.mark.parametrize("query", ["", " ", "\x00\x1f", "*** ^ : ( ) -", '"', "🔥"], ids=repr)
def test_a_query_without_words_shows_the_empty_query_page(client, query):
    text = assert_answered(search(client, query))
    assert EMPTY_HELP in text
    assert result_headlines(search(client, query)) == []


def test_a_query_is_shown_as_text_never_as_html(client):
    response = search(client, "<script>alert(1)</script>")
    content = response.content.decode()
    assert "<script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert parse(response).xpath("//script") == []


def test_a_ten_kilobyte_query_is_answered(client):
    assert_answered(search(client, "security pact " * 800))
    assert_answered(search(client, "x" * 10240))
    assert_answered(search(client, "\x00" * 10240))


@pytest.mark.parametrize("raw", ["%ff%fe", "%c3%28", "%80pact", "pact%ed%a0%80", "%e2%82"])
def test_undecodable_percent_escapes_are_answered(client, raw):
    assert_answered(client.get(f"{SEARCH_URL}?q={raw}"))


def test_repeated_q_parameters_are_answered(client):
    assert_answered(client.get(f"{SEARCH_URL}?q=%22&q=security+pact"))
    assert_answered(client.get(f"{SEARCH_URL}?q=security+pact&q=%00"))
    assert_answered(client.get(f"{SEARCH_URL}?q=pact&q=pact&page=1&page=1"))


def test_a_page_number_with_an_empty_query_is_ignored(client):
    assert_answered(search(client, "", page="abc"))
    assert_answered(search(client, "\x00", page="999999"))


def test_only_get_and_head_are_answered(client):
    assert client.head(SEARCH_URL, {"q": "pact"}).status_code == 200
    assert client.post(SEARCH_URL, {"q": "pact"}).status_code == 405
