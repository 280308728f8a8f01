"""Cleaning what a reader typed into plain words."""

import pytest

from masthead.search.query import MAX_QUERY_CHARS, MAX_TERMS, clean_query


@pytest.mark.parametrize(
    ("raw", "terms"),
    [
        ("security pact", ("security", "pact")),
        ("  Security\tPACT \n", ("Security", "PACT")),
        ('"security pact"', ("security", "pact")),
        ('"unterminated', ("unterminated",)),
        ("title:pact body:security", ("title", "pact", "body", "security")),
        (
            "NEAR(security pact) AND x* OR ^y NOT -z",
            ("NEAR", "security", "pact", "AND", "x", "OR", "y", "NOT", "z"),
        ),
        ("pact' | 'x", ("pact", "x")),
        ("a\x00b\x1fc", ("a", "b", "c")),
        ("don't O’Brien", ("don't", "O’Brien")),
        ("pact pact PACT Pact", ("pact",)),
        ("snake_case", ("snake", "case")),
        ("日本語 ٣ Ünïcode", ("日本語", "٣", "Ünïcode")),
        ("", ()),
        (None, ()),
        ("   ", ()),
        ("*** ^ : ( ) - \" ' 🔥", ()),
    ],
)
def test_a_query_becomes_plain_words(raw, terms):
    query = clean_query(raw)
    assert query.terms == terms
    assert query.is_empty is (not terms)


def test_control_and_invisible_characters_are_dropped_from_the_text_shown_back():
    query = clean_query("pact\x00\x1f\u200b\u202eevil\x7f  \r\n more")
    assert query.text == "pact evil more"
    assert query.terms == ("pact", "evil", "more")


def test_a_huge_query_is_cut_short():
    query = clean_query("word " * 2048)  # 10 KB
    assert len(query.text) <= MAX_QUERY_CHARS
    assert query.terms == ("word",)
    many = clean_query(" ".join(f"w{n}" for n in range(100)))
    assert len(many.terms) == MAX_TERMS
    assert many.plain == " ".join(f"w{n}" for n in range(MAX_TERMS))
