"""Reader search: /search/?q=... over the public stories, ranked, highlighted and paginated."""
