"""The shortcuts of a post's conversion read what the slow way reads: a simple quote without
Beautiful Soup (plainmarkup.py), plain text and nh3's own output without a second nh3 pass
(sanitise.py). Each case against the slow way; and the converted body of each kind of quote."""

import html

import nh3
import pytest
from bs4 import BeautifulSoup

from masthead.wordpress import body, plainmarkup, sanitise

QUOTES = [
    '\n<blockquote class="wp-block-quote"><p>The bridge opens in May.</p><cite>Kim</cite>'
    "</blockquote>\n",
    "<blockquote><p>One.</p><p>Two,<br>three <em>four</em>.</p></blockquote>",
    "<blockquote><p>No speaker</p><cite>  </cite></blockquote>",
    "<blockquote><p>Cite first</p></blockquote><cite>X</cite> after",
    "<blockquote><p>a</p><cite>One</cite><cite>Two</cite></blockquote>",
    "<blockquote><p>a</p><cite><em>Nested</em> name</cite></blockquote>",
    "<blockquote><p>a</p><cite>Unclosed</blockquote> after",
    "<blockquote><p>Tom &amp; Jerry &lt;3</p><cite>A &gt; B</cite></blockquote>",
    '<blockquote cite="https://example.com/"><p>With a source</p></blockquote>',
    '<blockquote><p title="a>b">Odd attribute</p></blockquote>',
    "<blockquote><p>x < y > z</p></blockquote>",
    "<blockquote><!-- note --><p>Commented</p></blockquote>",
    "<blockquote><p>Stray</cite> end</p><cite/>Self-closing</blockquote>",
    "<BLOCKQUOTE><P>Upper case</P><CITE>Kim</CITE></BLOCKQUOTE>",
    "<blockquote><script>alert(1)</script><p>Script</p></blockquote>",
    "<blockquote>\r\n<p>Carriage\rreturns</p>\t<cite>\nKim\n</cite></blockquote>",
    "",
]


def soup_quote(markup: str) -> tuple[str, str]:
    """Converter.blockquote's reading."""
    node = BeautifulSoup(markup, "html.parser")
    cite = node.find("cite")
    cite_text = cite.get_text(" ") if cite else ""
    if cite:
        cite.decompose()
    return node.get_text(" "), cite_text


@pytest.mark.parametrize("markup", QUOTES)
def test_a_simple_quote_reads_as_beautiful_soup_reads_it(markup):
    simple = plainmarkup.simple_quote(markup)
    if simple is not None:
        expected = tuple(sanitise.plain(part) for part in soup_quote(markup))
        assert tuple(sanitise.plain(part) for part in simple) == expected


def test_the_common_quotes_take_the_shortcut_and_the_odd_ones_do_not():
    taken = [plainmarkup.simple_quote(markup) is not None for markup in QUOTES]
    assert taken[:3] == [True, True, True]
    assert not any(taken[7:15])


@pytest.mark.parametrize("markup", QUOTES)
def test_each_quote_converts_as_with_beautiful_soup_alone(markup, monkeypatch):
    fast = body.convert(f"<!-- wp:quote -->{markup}<!-- /wp:quote -->", lambda ref: None)
    monkeypatch.setattr(plainmarkup, "simple_quote", lambda markup: None)
    slow = body.convert(f"<!-- wp:quote -->{markup}<!-- /wp:quote -->", lambda ref: None)
    assert fast == slow


TEXTS = [
    "Plain words",
    "  spaced\n\tout\r\nwords\xa0here  ",
    "a > b",
    'say "hi"',
    "Tom &amp; Jerry",
    "&nbsp;",
    "x &lt;script&gt;",
    "<b>bold</b> and <i>it</i>",
    "<script>alert(1)</script>gone",
    "nul\0char",
    "<!-- c -->text",
    "",
    "   ",
    "Ünïcödé — “quotes” ’",
]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_is_what_nh3_gives_back(text):
    expected = " ".join(html.unescape(nh3.clean(text, tags=set(), strip_comments=True)).split())
    assert sanitise.plain(text) == expected


PARAGRAPHS = [
    *TEXTS,
    '<p><a href="https://example.com/?a=1&b=>2">link &amp; text</a></p>',
    "<ul><li>one</li><li>two</li></ul>",
    "<p><br></p>",
    "<p>&nbsp;</p>",
    "<p><img src=x onerror=alert(1)></p>",
    "<p><strong>Strong</strong> <em>em</em></p>",
    "<p>1 < 2 > 0</p>",
    '<p><a href="javascript:alert(1)">bad</a></p>',
]


@pytest.mark.parametrize("fragment", PARAGRAPHS)
def test_the_text_of_cleaned_markup_is_read_without_cleaning_it_again(fragment):
    cleaned = sanitise.rich_text(fragment)
    assert sanitise.cleaned_text(cleaned) == sanitise.plain(cleaned)
