"""Marking the reader's words in excerpts: escaped first, whole words, any case."""

from markupsafe import Markup

from masthead.search.highlight import ELLIPSIS, excerpt, highlight, term_pattern


def test_whole_words_are_marked_whatever_their_case():
    marked = highlight("Pact signed; PACT talks; impact; pacts; pact.", term_pattern(["pact"]))
    assert marked == (
        "<mark>Pact</mark> signed; <mark>PACT</mark> talks; impact; pacts; <mark>pact</mark>."
    )


def test_everything_is_escaped_and_only_the_marks_are_markup():
    text = "<script>alert('pact')</script> & \"pact\""
    marked = highlight(text, term_pattern(["pact", "script"]))
    assert isinstance(marked, Markup)
    assert marked == (
        "&lt;<mark>script</mark>&gt;alert(&#39;<mark>pact</mark>&#39;)&lt;/<mark>script</mark>&gt;"
        " &amp; &#34;<mark>pact</mark>&#34;"
    )


def test_a_word_that_is_also_an_entity_name_never_breaks_an_entity():
    marked = highlight("Tom & Jerry < amp > quot", term_pattern(["amp", "lt", "quot", "39"]))
    assert marked == "Tom &amp; Jerry &lt; <mark>amp</mark> &gt; <mark>quot</mark>"


def test_regex_characters_in_a_term_are_literal_and_apostrophes_match_either_kind():
    assert highlight("a.b aXb", term_pattern(["a.b"])) == "<mark>a.b</mark> aXb"
    marked = highlight("Don’t stop, don't stop", term_pattern(["don't"]))
    assert marked == "<mark>Don’t</mark> stop, <mark>don&#39;t</mark> stop"


def test_no_terms_means_plain_escaped_text():
    assert term_pattern([]) is None
    assert highlight("<b>", None) == "&lt;b&gt;"


def test_the_excerpt_is_cut_around_the_first_match():
    words = [f"w{n}" for n in range(100)]
    words[50] = "Zanzibar"
    cut = excerpt(" ".join(words), term_pattern(["zanzibar"]), words=10)
    assert cut == f"{ELLIPSIS}w42 w43 w44 w45 w46 w47 w48 w49 <mark>Zanzibar</mark> w51{ELLIPSIS}"


def test_without_a_match_the_excerpt_is_the_start_of_the_text():
    assert excerpt("one two three", term_pattern(["zanzibar"]), words=2) == f"one two{ELLIPSIS}"
    assert excerpt("one two", term_pattern(["two"]), words=5) == "one <mark>two</mark>"
