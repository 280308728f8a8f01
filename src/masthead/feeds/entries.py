"""Feeds: which stories each feed carries, its validators (ETag, Last-Modified), its entries."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from taggit.models import Tag

from masthead.articles import archive
from masthead.articles.body_facts import off_site_html
from masthead.articles.lists import ArchiveList
from masthead.articles.models import ArticleByline, ArticlePage
from masthead.articles.queries import crediting, newest_first
from masthead.core.dates import in_newsroom
from masthead.core.links import absolute_url
from masthead.core.tree import parent_path
from masthead.core.visibility import is_private
from masthead.feeds import stories as story_data
from masthead.pagecache import deps
from masthead.people.models import Person
from masthead.sections.models import SectionPage
from masthead.sections.tree import section_tree

FEED_SIZE = 20
_SCOPES = "_masthead_feed_scopes"


@dataclass(frozen=True)
class Author:
    name: str
    link: str


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str
    link: str
    summary: str
    content: str
    published: datetime
    updated: datetime
    authors: list[Author]
    categories: list[str]
    enclosure: story_data.ImageFile | None


@dataclass
class FeedScope:
    """The stories one feed carries: the site's, a section's, a tag's or an author's."""

    request: object
    key: str  # stable: built from ids, never from slugs ("site", "section/12", "tag/5", ...)
    name: str  # the section's, tag's or person's name; empty for the whole site
    path: str  # the HTML page the feed follows
    stories: object  # queryset of the public stories in scope, unordered
    listed: tuple[str, int]  # (kind, ref) of the scope's archive list
    about: str = ""  # how the description names the scope: "in Top News", "by Tom Becker"

    @cached_property
    def stamps(self) -> list[tuple[int, datetime, datetime | None, int | None]]:
        """(id, public date, last publication, live revision) of the newest stories: all a 304
        needs."""
        newest = newest_first(self._newest()).values_list(
            "pk", "published_at", "last_published_at", "live_revision_id"
        )
        return list(newest[:FEED_SIZE])

    def _newest(self):
        """Those of the scope's stories among its archive list's newest (`articles.archive`:
        the same public stories, in the index on the list and the date). Found in the scope's
        stories (a join of every story with its pages, or with its tags or bylines), sorted,
        they took longer the bigger the archive: the site's feed 63 ms at 100,000 stories on
        PostgreSQL against 34 at 1,000. A section's list holds the stories below it, on
        whichever site; a tag's or a person's spans the sites, and is kept by each site's root
        at the depth `archive.ROOT_DEPTH`: a site rooted deeper reads the scope itself."""
        kind, ref = self.listed
        if kind == archive.SECTION:
            listed = ArchiveList(kind, ref, self.stories)
        else:
            root = story_data.site_root(self.request)
            if root is None or root.depth != archive.ROOT_DEPTH:
                return self.stories
            # (A list's members are its stories: the tag or the credit need no join again.)
            listed = ArchiveList(kind, ref, story_data.site_stories(self.request), root=root.path)
        return listed.stories.filter(pk__in=listed.ids(slice(0, FEED_SIZE)))

    @cached_property
    def etag(self) -> str:
        """Changes when a story enters, leaves or changes in the feed, or the scope is renamed:
        each story's live revision counts, since two publications may fall in one second."""
        parts = [settings.MASTHEAD_BASE_URL, self.key, self.name]
        parts += [
            f"{pk}:{story_data.last_change(published, last).isoformat()}:{revision}"
            for pk, published, last, revision in self.stamps
        ]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]

    @cached_property
    def last_modified(self) -> datetime | None:
        """The newest modification of the stories in the feed."""
        changes = (story_data.last_change(published, last) for _, published, last, _ in self.stamps)
        return max(changes, default=None)

    @property
    def guid(self) -> str:
        return story_data.tag_uri(f"feed/{self.key}")

    @property
    def link(self) -> str:
        return absolute_url(self.path)

    def title(self) -> str:
        site_name = story_data.publication_name(self.request)
        return f"{site_name}: {self.name}" if self.name else site_name

    def description(self) -> str:
        site_name = story_data.publication_name(self.request)
        about = f" {self.about}" if self.about else ""
        return f"The newest stories{about} from {site_name}."


def feed_scope(request, kind: str, **kwargs) -> FeedScope:
    """The scope of the feed at this URL, found once per request (validators, then the feed)."""
    scopes = getattr(request, _SCOPES, None)
    if scopes is None:
        scopes = {}
        setattr(request, _SCOPES, scopes)
    key = (kind, tuple(sorted(kwargs.items())))
    if key not in scopes:
        scopes[key] = SCOPE_FINDERS[kind](request, **kwargs)
    return scopes[key]


def site_scope(request) -> FeedScope:
    root = story_data.site_root(request)
    if root is None:
        raise Http404("No site answers at this address.")
    deps.record(deps.ALL_STORIES)
    # (The root is above every story of the site: its list holds them all.)
    listed = (archive.SECTION, root.pk)
    return FeedScope(request, "site", "", "/", story_data.site_stories(request), listed)


def section_scope(request, section_path: str) -> FeedScope:
    """A section by its URL path (e.g. "world/asia/"); its subsections' stories included. The
    section comes from this process's copy of the sections, as routing finds it: `url_path`
    has no index, and looking it up in the pages table read every page of the site."""
    root = story_data.site_root(request)
    section = None
    if root is not None:
        section = section_tree().by_url_path.get(f"{root.url_path}{section_path}")
    if section is None or not section.live or is_private(section.path, request):
        raise Http404(f"No section answers at /{section_path[:100]}.")
    deps.record(deps.page_tag(section.pk), deps.section_list_tag(section.pk))
    stories = story_data.site_stories(request).descendant_of(section)
    key, about = f"section/{section.pk}", f"in {section.title}"
    listed = (archive.SECTION, section.pk)
    return FeedScope(request, key, section.title, f"/{section_path}", stories, listed, about)


def tag_scope(request, slug: str) -> FeedScope:
    """A tag's stories; a tag that only drafts carry does not exist for readers."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is not None:
        deps.record(deps.tag_list_tag(tag.pk))
        stories = story_data.site_stories(request).filter(tags=tag)
        path = reverse("tag", kwargs={"slug": tag.slug})
        listed, about = (archive.TAG, tag.pk), f"about {tag.name}"
        scope = FeedScope(request, f"tag/{tag.pk}", tag.name, path, stories, listed, about)
        if scope.stamps:
            return scope
    raise Http404(f"No stories are tagged {slug[:80]!r}.")


def author_scope(request, slug: str) -> FeedScope:
    """The stories that credit a person or organisation: in a byline or as the source."""
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        raise Http404(f"No author or contributor is called {slug[:80]!r}.")
    deps.record(deps.author_list_tag(person.pk))
    stories = crediting(story_data.site_stories(request), person)
    path = person.get_absolute_url()
    listed, about = (archive.PERSON, person.pk), f"by {person.name}"
    scope = FeedScope(request, f"person/{person.pk}", person.name, path, stories, listed, about)
    if not scope.stamps:  # credited on no public story: no public profile, no feed
        raise Http404(f"No author or contributor is called {slug[:80]!r}.")
    return scope


SCOPE_FINDERS = {
    "site": site_scope,
    "section": section_scope,
    "tag": tag_scope,
    "author": author_scope,
}


def feed_entries(scope: FeedScope) -> list[FeedEntry]:
    """The newest stories in scope, ready for a feed: a fixed number of queries for any size.
    They are read by the ids the validators found (`stamps`): finding them again in the scope
    would read every story of a big tag or author a second time."""
    bylines = ArticleByline.objects.select_related("person").order_by("sort_order")
    stories = list(
        newest_first(ArticlePage.objects.filter(pk__in=[pk for pk, *_ in scope.stamps]))
        .select_related("lead_image", "credit_organisation")
        .prefetch_related(Prefetch("bylines", queryset=bylines), "tags", "lead_image__renditions")
    )
    sections = sections_of(stories)
    return [entry(story, sections.get(parent_path(story)), scope.request) for story in stories]


def sections_of(stories) -> dict[str, SectionPage]:
    paths = {parent_path(story) for story in stories}
    return {section.path: section for section in SectionPage.objects.filter(path__in=paths)}


def entry(story, section, request) -> FeedEntry:
    return FeedEntry(
        guid=story_data.story_guid(story),
        title=story.title,
        link=story_data.story_url(story, request),
        summary=story.standfirst,
        content=off_site_html(story.body, request),
        published=in_newsroom(story.published_at),
        updated=in_newsroom(story_data.modified(story)),
        authors=authors_of(story, request),
        categories=([section.title] if section else []) + sorted(t.name for t in story.tags.all()),
        enclosure=story_data.lead_image_file(story),
    )


def authors_of(story, request) -> list[Author]:
    """Everyone in the bylines, in order; where none, the credited organisation; where none,
    the publication itself."""
    people = list(dict.fromkeys(byline.person for byline in story.bylines.all()))
    if not people and story.credit_organisation_id:
        people = [story.credit_organisation]
    if not people:
        return [Author(story_data.publication_name(request), absolute_url("/"))]
    return [Author(person.name, absolute_url(person.get_absolute_url())) for person in people]
