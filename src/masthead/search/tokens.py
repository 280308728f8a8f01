"""The reader index's words: the one tokeniser for stories and queries, on every database.

The databases never tokenise: stories and queries go through `tokens()` here, and the index
stores the result as plain space-separated words (SQLite FTS5 with `unicode61`, PostgreSQL
`to_tsvector('simple', ...)`, which only split on the spaces and lower-case), so SQLite and
PostgreSQL find the same stories for the same words (docs/search.md):

- text is NFKC-normalised and case-folded ("Straße" and "STRASSE" are one word);
- a word is a run of letters and digits; an apostrophe inside a word is dropped ("don't" is
  "dont", "O’Brien" is "obrien", "minister's" stems to "minist");
- stop words (`STOP_WORDS`, PostgreSQL's English list, itself Snowball's) are left out of the
  index and of queries: "the", "and", "of" find nothing on their own;
- every other word is reduced to its stem by the Snowball English stemmer (Porter 2, the one
  PostgreSQL's `english` configuration uses): "pacts" finds "pact", "running" finds "runs".
"""

import re
import threading
import unicodedata
from functools import lru_cache

_APOSTROPHE_INSIDE = re.compile(r"(?<=[^\W_])['’ʼ](?=[^\W_])")
_WORD = re.compile(r"[^\W_]+")

# PostgreSQL's src/backend/snowball/stopwords/english.stop (the Snowball list), 127 words.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
    """.split()  # noqa: SIM905 (a list of words reads better as words)
)

# A Snowball stemmer keeps the word it works on in itself: one per thread (a server process
# answers searches in several threads at once).
_local = threading.local()


def _stemmer():
    """This thread's Snowball English stemmer, made on first use: importing `snowballstemmer`
    loads the stemmers of its thirty languages (some 3 MB), which a server process that never
    searches or indexes need not hold (docs/deployment.md, "Memory")."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A case-folded word's stem (cached: a newsroom's vocabulary is small)."""
    return _stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """The case-folded words of `text`, stop words included, before stemming."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(_APOSTROPHE_INSIDE.sub("", text))


def tokens(text: str) -> list[str]:
    """The index's words for `text`, in order: stop words left out, the others stemmed."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def token_text(text: str) -> str:
    """`tokens(text)` as the index stores them."""
    return " ".join(tokens(text))
