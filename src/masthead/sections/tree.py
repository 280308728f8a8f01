"""The sections as this process last read them: routing, breadcrumbs, the navigation and the
feeds find a section here without a query.

The tree is read again when the navigation changes (a section added, published, unpublished,
renamed, moved or deleted) or the site does. It is shared by every request and thread: treat
its pages as read-only, and read from them only what the navigation shows (title, slug, URL,
place in the tree, live, in menus). A section's own page takes its full, current content from
`page_copy()`.
"""

from copy import copy
from dataclasses import dataclass, field

from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.sections.models import SectionPage


@dataclass(frozen=True)
class SectionTree:
    sections: list[SectionPage]  # every section, live or not, in tree order
    by_path: dict[str, SectionPage] = field(default_factory=dict)
    by_url_path: dict[str, SectionPage] = field(default_factory=dict)

    def trail(self, page) -> list[SectionPage]:
        """The sections above `page`, from the top of the site down (its breadcrumbs)."""
        step = page.steplen
        paths = (page.path[:end] for end in range(step, len(page.path), step))
        return [self.by_path[path] for path in paths if path in self.by_path]

    def children(self, parent) -> list[SectionPage]:
        depth = parent.depth + 1
        return [s for s in self.sections if s.depth == depth and s.path.startswith(parent.path)]


def _load_tree() -> SectionTree:
    sections = list(SectionPage.objects.order_by("path"))
    return SectionTree(
        sections,
        by_path={section.path: section for section in sections},
        by_url_path={section.url_path: section for section in sections},
    )


def section_tree() -> SectionTree:
    return sitewide("sections", {deps.NAV, deps.SITE}, _load_tree)


def reader_copy(page):
    """A request's own copy of a page this process keeps for every request: what the request
    sets on it (or caches in it) stays with the request."""
    page = copy(page)  # Django copies the instance's state and its cache of related objects
    for cached in ("specific", "specific_deferred"):  # they would name the shared instance
        page.__dict__.pop(cached, None)
    return page


def page_copy(model, pk):
    """A section or the front page with all its content, for its own page: a copy of this
    process's, read again when the page is published (or unpublished, moved, deleted)."""
    page = sitewide(
        f"page-{pk}",
        {deps.page_tag(pk), deps.NAV, deps.SITE},
        lambda: model.objects.get(pk=pk),
    )
    return reader_copy(page)
