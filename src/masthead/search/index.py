"""Keeping the reader index: which stories it holds (live and public ones) and their rows.

`follow.py` calls these on every change that can show or hide a story; `masthead
rebuild-search-index` and `seed-corpus` fill it in bulk. Every function works in the caller's
transaction, so the index changes with the story; and so do the archive's totals
(`articles/archive.py`), which follow the same changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from masthead.articles import archive
from masthead.articles.body_facts import body_words
from masthead.articles.models import ArticlePage
from masthead.articles.queries import public_stories
from masthead.articles.text import join_sentences
from masthead.core import copyrows
from masthead.core.visibility import is_private, view_restrictions
from masthead.search.models import ReaderIndexEntry, recency_key
from masthead.search.tokens import token_text

BATCH = 500


def story_text(story: ArticlePage) -> str:
    """The standfirst and the running text of the body, joined as sentences (no query)."""
    return join_sentences(story.standfirst, body_words(story.body))


class Addresses:
    """Each story's address as Wagtail's `get_url()` gives it (the path alone when there is one
    site), from its `url_path` and the sites' root paths read once, not once per story."""

    def __init__(self):
        self.roots = Site.get_site_root_paths()
        self.many_sites = len({root.site_id for root in self.roots}) > 1

    def __call__(self, story: ArticlePage) -> str:
        for root in self.roots:
            if story.url_path.startswith(root.root_path):
                path = reverse("wagtail_serve", args=(story.url_path[len(root.root_path) :],))
                return root.root_url + path if self.many_sites else path
        return story.url_path  # on no site: not routable, kept as the tree's path


def entry_for(story: ArticlePage, address: Addresses | None = None) -> ReaderIndexEntry:
    published_at = story.public_date or timezone.now()
    text = story_text(story)
    return ReaderIndexEntry(
        id=recency_key(published_at, story.pk),
        page_id=story.pk,
        title=story.title,
        url=(address or Addresses())(story),
        published_at=published_at,
        text=text,
        title_tokens=token_text(story.title),
        body_tokens=token_text(text),
    )


def shown(story: ArticlePage, restrictions=None) -> bool:
    """Whether readers may find `story`: live, and outside every view-restricted section."""
    if not story.live:
        return False
    if restrictions is None:
        return not is_private(story.path)
    return not any(restriction.covers(story.path) for restriction in restrictions)


def index_story(story: ArticlePage) -> None:
    """The story's row as its live, public content is now, or no row."""
    story = ArticlePage.objects.filter(pk=story.pk).first()  # the stored, live content
    ReaderIndexEntry.objects.filter(page_id=getattr(story, "pk", None)).delete()
    if story is not None and shown(story):
        entry_for(story).save(force_insert=True)
    if story is not None:
        archive.follow(story.pk)


def forget(page_id: int) -> None:
    ReaderIndexEntry.objects.filter(page_id=page_id).delete()
    archive.forget(page_id)


def index_under(path: str) -> None:
    """Every story at or below the tree `path` again (a move, a view restriction)."""
    ReaderIndexEntry.objects.filter(page__path__startswith=path).delete()
    add_stories(public_stories().defer(None).filter(path__startswith=path), totals=False)
    archive.follow_under(path)


def add_stories(
    stories: Iterable[ArticlePage],
    progress: Callable[[int], None] | None = None,
    *,
    totals: bool = True,
):
    """Rows for those of `stories` (not in the index yet) that readers may find, in batches;
    with `totals`, the stories join the archive's totals too (they are in none yet)."""
    restrictions, address = view_restrictions(), Addresses()
    batch, done = [], 0
    for story in stories:
        if shown(story, restrictions):
            batch.append(story)
        done += 1
        if len(batch) == BATCH:
            _add_batch(batch, restrictions, address, totals)
            batch = []
        if progress is not None and done % BATCH == 0:
            progress(done)
    _add_batch(batch, restrictions, address, totals)
    if progress is not None:
        progress(done)
    return done


def _add_batch(stories: list[ArticlePage], restrictions, address, totals: bool) -> None:
    # Each row built as the one before it goes out (on PostgreSQL the server makes its search
    # vector meanwhile).
    if stories:
        copyrows.insert(ReaderIndexEntry, (entry_for(story, address) for story in stories))
    if totals:
        archive.add(stories, restrictions)


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """The whole index again from the live, public stories; how many stories were read."""
    ReaderIndexEntry.objects.all().delete()
    archive.rebuild()
    stories = public_stories().defer(None).order_by("pk").iterator(chunk_size=BATCH)
    return add_stories(stories, progress)


def size() -> int:
    return ReaderIndexEntry.objects.count()
