"""The reader layer: the assembly of every reader page (story, front page, section, tag, author,
corrections, search results, 404 and 410) from the content apps' queries (docs/architecture.md)."""
