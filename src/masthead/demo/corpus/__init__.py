"""A synthetic corpus for load tests and demos: `masthead seed-corpus --stories N`.

`words` writes the made-up copy, `newsroom` makes the site, sections, people and tags it needs,
`seed` builds the stories batch by batch, and `bulk` writes each batch as Wagtail would. See
docs/corpus.md.
"""

from masthead.demo.corpus.seed import SeedResult, seed_corpus

__all__ = ["SeedResult", "seed_corpus"]
