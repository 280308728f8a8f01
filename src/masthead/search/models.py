"""The reader index: one row per live, public story, in the words of `search.tokens`.

Wagtail's own index stays for the admin's search; readers search this one (docs/search.md).
The row's id is its recency key (`recency_key`): rows come in publication order, so the newest
matches are read first without a date per match. Beside the table, created by the migration for
the database in use:

- SQLite: `masthead_search_fts`, an FTS5 table over `title_tokens` and `body_tokens` whose
  content is this table (external content, kept in step by triggers);
- PostgreSQL: a `document` tsvector column computed from the two (the headline with weight A,
  the rest D), with a GIN index.
"""

from django.db import models

from masthead.articles.models import ArticlePage

KEY_SHIFT = 10**7  # page ids below ten million keep the keys unique


def recency_key(published_at, page_id: int) -> int:
    """Publication time in seconds since 1970, shifted left, plus the page id."""
    return int(published_at.timestamp()) * KEY_SHIFT + page_id % KEY_SHIFT


class ReaderIndexEntry(models.Model):
    id = models.BigIntegerField(primary_key=True)  # recency_key(published_at, page_id)
    page = models.OneToOneField(ArticlePage, on_delete=models.CASCADE, related_name="+")
    # The short columns first: ranking reads the headline's words of every match.
    title = models.TextField()
    title_tokens = models.TextField()
    url = models.TextField()
    published_at = models.DateTimeField()
    body_tokens = models.TextField()
    text = models.TextField(help_text="standfirst and running text, for the excerpts")

    class Meta:
        db_table = "masthead_search_entry"

    def __str__(self):
        return self.title
