"""The one tokeniser of the reader index, and what a query asks the index for."""

import pytest

from masthead.search import engine
from masthead.search.query import clean_query
from masthead.search.tokens import STOP_WORDS, tokens


def test_words_are_folded_stemmed_and_stop_words_left_out():
    assert tokens("The PACTS of Pakistan's ministers") == ["pact", "pakistan", "minist"]
    assert tokens("running runs") == ["run", "run"]
    assert tokens("Straße STRASSE") == ["strass", "strass"]


def test_an_apostrophe_inside_a_word_joins_it():
    assert tokens("don't O’Brien") == ["dont", "obrien"]


def test_the_stop_words_are_postgresqls_english_list():
    assert len(STOP_WORDS) == 127
    assert {"the", "and", "of", "not"} <= STOP_WORDS
    assert "said" not in STOP_WORDS


def plan(raw):
    return engine.plan(clean_query(raw))


def test_a_query_of_stop_words_only_looks_for_nothing():
    assert plan("the AND of").is_empty
    assert not clean_query("the AND of").is_empty  # there were words: the page says so


def test_a_quoted_phrase_is_looked_for_as_a_phrase():
    found = plan('"security pact" Pakistan')
    assert found.phrases == (("secur", "pact"),)
    assert found.words == ("pakistan",)
    assert found.fts5() == '"secur pact" "pakistan"'
    assert found.tsquery() == "('secur' <-> 'pact') & ('pakistan')"


def test_curly_quotes_make_a_phrase_and_an_unpaired_quote_is_ignored():
    assert plan("“state of the art”").phrases == (("state", "art"),)
    found = plan('"security pact')
    assert found.phrases == ()
    assert found.words == ("secur", "pact")


@pytest.mark.parametrize("raw", ['"the"', '"pact"'])
def test_a_quoted_single_word_is_a_word(raw):
    assert plan(raw).phrases == ()


def test_a_long_pasted_sentence_keeps_its_first_words():
    sentence = (
        "Islamabad has signed a security agreement with Washington that lets the two armies "
        "share equipment, fuel, bases and intelligence for ten years, officials said on Monday"
    )
    found = plan(sentence)
    assert len(found.words) == engine.MAX_TOKENS
    assert found.words[:3] == ("islamabad", "sign", "secur")


def test_the_recency_decay_halves_at_the_half_life():
    assert engine.recency_weight(0) == 1.0
    assert engine.recency_weight(engine.HALF_LIFE_DAYS) == 0.5
    assert engine.recency_weight(365) == pytest.approx(0.198, abs=0.001)
    assert engine.recency_weight(-3) == 1.0  # a date in the future counts as today


def test_searches_in_several_threads_at_once_stem_every_word_right():
    """A server process answers searches in several threads: each word's stem must be the one a
    lone stemmer gives (a stemmer shared between threads mixed their words up: "string index out
    of range" on a search page under load, or a wrong stem cached for the process's life)."""
    import sys
    import threading

    import snowballstemmer

    from masthead.search import tokens as tokens_module

    vocabulary = [
        f"{stem}{suffix}"
        for stem in ("nation", "govern", "elect", "minist", "report", "develop", "relat")
        for suffix in ("alization", "ational", "fulness", "iveness", "ements", "ingly", "s")
    ]
    expected = {word: snowballstemmer.stemmer("english").stemWord(word) for word in vocabulary}
    wrong, errors = [], []

    def stem_all(round_number):
        for word in vocabulary:
            try:
                got = tokens_module.stem(word)
            except Exception as error:  # the failure itself is what this test looks for
                errors.append(repr(error))
                continue
            if got != expected[word]:
                wrong.append((word, got))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        for round_number in range(30):
            tokens_module.stem.cache_clear()
            threads = [threading.Thread(target=stem_all, args=(round_number,)) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(interval)
        tokens_module.stem.cache_clear()
    assert not errors and not wrong, (errors[:3], wrong[:3])
