"""A list of the archive (a section with its subsections, a tag, a person credited) read a page at
a time from its memberships (`archive.py`): the page's story ids off the index on (kind, ref,
published_at, page), from whichever end `core.pagination` reads, then those stories alone.

The memberships hold what `queries.public_stories` gives every reader: live, dated stories
outside every view-restricted section (core.visibility hides those from every reader request,
signed in or not), kept in the transaction of each change that shows, hides or moves a story.
A listing's rows were a join of the stories with their sections, tags or bylines, sorted, with
an OFFSET over the join: its time grew with the list, and with the archive for a tag or a person.
"""

from __future__ import annotations

from django.db.models.expressions import RawSQL

from masthead.articles import archive
from masthead.articles.queries import sort_key
from masthead.articles.totals import ArchiveMember

NEWEST_FIRST = ("-published_at", "-page_id")  # as `queries.newest_first`
OLDEST_FIRST = ("published_at", "page_id")


class ArchiveList:
    """The stories of one list, newest first, sliced as a queryset is (`[bottom:top]`), counted
    from the list's total, and `reverse()`d, which `core.pagination` does for pages nearer the
    end. `stories`: the queryset the page's stories are fetched with (their lead images...)."""

    ordered = True

    def __init__(self, kind: str, ref: int, stories, newest_first: bool = True, root=None):
        self.kind, self.ref, self.stories = kind, ref, stories
        self.newest_first, self.root = newest_first, root  # root: one site's (its root path)

    def count(self) -> int:
        return archive.list_count(self.kind, self.ref)

    def reverse(self) -> ArchiveList:
        return ArchiveList(self.kind, self.ref, self.stories, not self.newest_first, self.root)

    def ids(self, window: slice):
        """The ids of the stories in `window` of the list's order: a query to use as a subquery."""
        order = NEWEST_FIRST if self.newest_first else OLDEST_FIRST
        members = ArchiveMember.objects.filter(kind=self.kind, ref=self.ref)
        if self.root is not None:
            members = members.filter(root=self.root)
        return members.order_by(*order).values("page_id")[window]

    def __getitem__(self, window: slice) -> list:
        if not isinstance(window, slice) or window.step is not None:
            raise TypeError("an archive list is read a window at a time: [bottom:top]")
        found = self.stories.filter(pk__in=self.ids(window)).order_by()
        return sorted(found, key=sort_key, reverse=self.newest_first)


def newest_of_each(kind: str, refs: list[int], count: int) -> RawSQL:
    """The ids of the `count` newest stories of each list of `kind` in `refs`: a subquery of one
    index walk per list, joined by UNION ALL (for `pk__in`). An OR of one `IN (...)` per list had
    PostgreSQL scan every story against the lists' hashed ids."""
    parts, params = [], []
    for ref in refs:
        sql, part_params = ArchiveList(kind, ref, None).ids(slice(0, count)).query.sql_with_params()
        # (Django's own compiled query; its values stay parameters.)
        parts.append(f"SELECT * FROM ({sql}) AS newest_{len(parts)}")  # noqa: S608
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(parts), params)  # noqa: S611 (no text from a request)
