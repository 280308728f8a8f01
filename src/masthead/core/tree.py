"""Places in Wagtail's page tree, read from a page's materialised path."""

from django.db.models import Q
from wagtail.models import Page


def parent_path(page) -> str:
    """The tree path of the page's parent (a story's section), without a query."""
    return page.path[: -page.steplen]


def _path_after(path: str) -> str | None:
    """The first path past every path that starts with `path` (None: there is none)."""
    alphabet = Page.alphabet
    for at in range(len(path) - 1, -1, -1):
        position = alphabet.index(path[at])
        if position + 1 < len(alphabet):
            return path[:at] + alphabet[position + 1]
    return None


def below(page) -> Q:
    """The pages under `page` (not `page` itself), as Wagtail's descendant_of(), but as a range
    of paths that the path index serves: Wagtail's `path LIKE 'x%'` is one that SQLite answers
    by scanning every page (its LIKE ignores case, the index does not). The prefix is kept
    beside the range, so the answer is exact whatever the database's collation."""
    q = Q(path__gt=page.path, path__startswith=page.path)
    end = _path_after(page.path)
    return q & Q(path__lt=end) if end is not None else q


def just_below(page) -> Q:
    """The pages directly under `page`, as Wagtail's child_of(), served by the path index."""
    return below(page) & Q(depth=page.depth + 1)
