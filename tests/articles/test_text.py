import random
import time

import pytest

from masthead.articles import text
from masthead.articles.blocks import ArticleBodyBlock
from masthead.articles.body_facts import body_facts


@pytest.mark.parametrize(
    ("words", "label"),
    [
        (0, "1 min read"),
        (1, "1 min read"),
        (265, "1 min read"),
        (266, "2 mins read"),
        (422, "2 mins read"),  # the reference story
        (530, "2 mins read"),
        (531, "3 mins read"),
    ],
)
def test_reading_time_is_one_minute_per_265_words_rounded_up(words, label):
    assert text.reading_time_label(text.reading_minutes(words)) == label


def test_first_words_cuts_on_word_boundaries():
    assert text.first_words("one two  three\nfour", 3) == "one two three"
    assert text.first_words("short", 10) == "short"
    assert text.first_words("", 10) == ""


def test_plain_text_decodes_entities_and_keeps_words_apart():
    html = "<p>Tom &amp; Jerry&#8217;s <b>big</b> day</p><p>&ldquo;Quoted&rdquo; text</p>"
    assert text.plain_text(html) == "Tom & Jerry’s big day “Quoted” text"


@pytest.mark.parametrize(
    ("standfirst", "expected"),
    [
        ("on the development….", "on the development….reports Asian Lite News"),
        ("the negotiation process…", "the negotiation process…reports Asian Lite News"),
        ("the negotiation process...", "the negotiation process...reports Asian Lite News"),
        ("Talks resumed", "Talks resumed…reports Asian Lite News"),
    ],
)
def test_credit_joins_the_standfirst_with_one_ellipsis(standfirst, expected):
    assert text.standfirst_with_credit(standfirst, "reports Asian Lite News") == expected


def test_body_words_count_paragraphs_headings_and_quotes_but_not_links_or_images():
    body = ArticleBodyBlock().to_python(
        [
            {"type": "heading", "value": "Two words"},
            {"type": "paragraph", "value": "<p>Tom &amp; Jerry&#8217;s</p><p>day</p>"},
            {
                "type": "quote",
                "value": {
                    "text": "We will win,",
                    "verb": "said",
                    "speaker": "Ana",
                    "speaker_description": "a coach",
                },
            },
            {"type": "also_read", "value": {"story": None, "label": "Also read"}},
        ]
    )
    assert body_facts(body).words == "Two words Tom & Jerry’s day “We will win,” said Ana, a coach."


PIECES = [
    "Tom",
    " and ",
    "\n",
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&#8217;",
    "&#x201C;",
    "&ldquo;",
    "&amp",
    "& ",
    "<",
    ">",
    '"',
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<br>",
    "<br />",
    "<ul>",
    "</ul>",
    "<li>",
    "</li>",
    "<h2>",
    "</h2>",
    '<a href="https://example.com/?a=1&amp;b=2">',
    '<a href="x>y">',
    "<a href='y'>",
    "</a>",
    "<!-- c -->",
    "<script>x</script>",
    '<a linktype="page" id="3">',
]


def test_plain_text_is_wagtails_text_for_indexing_whatever_the_markup():
    """The fast reading of sanitised paragraphs gives Wagtail's text, word for word, and any
    other markup still goes through Wagtail's own reading."""
    from wagtail.rich_text import get_text_for_indexing

    from masthead.wordpress import sanitise

    rng = random.Random("plain-text")  # noqa: S311 (made-up markup)
    simple = 0
    for _ in range(4000):
        fragment = "".join(rng.choices(PIECES, k=rng.randint(1, 12)))
        for html in (fragment, f"<p>{sanitise.rich_text(fragment)}</p>"):
            simple += bool(text.SIMPLE_HTML.fullmatch(html))
            assert text._plain_text.__wrapped__(html) == " ".join(
                get_text_for_indexing(html).split()
            ), html
    assert simple > 2000  # the fast reading was tried (every sanitised paragraph is simple)


def test_plain_text_of_a_long_paragraph_with_a_stray_bracket_is_quick():
    html = "<p>" + "word " * 50_000 + "<</p>"
    started = time.process_time()
    assert text.plain_text(html).startswith("word word")
    assert time.process_time() - started < 2
