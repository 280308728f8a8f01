"""RSS 2.0 and Atom feeds of the site, a section, a tag and an author, on Django's syndication
framework.

Every URL a feed carries is absolute and built from MASTHEAD_BASE_URL before the framework sees
it: its add_domain() leaves absolute URLs alone, so the request's Host header (which the
framework's request-based site lookup would use) never reaches a feed.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape

from masthead.core.links import absolute_url
from masthead.feeds import stories as story_data
from masthead.feeds.entries import feed_entries, feed_scope
from masthead.feeds.generators import NewsAtomFeed, NewsRssFeed


class StoryFeed(Feed):
    """The site's newest public stories (RSS 2.0). Subclasses narrow the scope."""

    feed_type = NewsRssFeed
    scope_kind = "site"
    item_guid_is_permalink = False  # the guid is a tag: URI, stable across slug changes

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The view's condition() decorator sets Last-Modified from the same stories; the
        # framework's own header would say "now" for an empty feed.
        response.headers.pop("Last-Modified", None)
        return response

    def get_object(self, request, *args, **kwargs):
        return feed_scope(request, self.scope_kind, **kwargs)

    # Validators for django.views.decorators.http.condition (see views.py).
    def etag(self, request, *args, **kwargs):
        return self.get_object(request, *args, **kwargs).etag

    def last_modified(self, request, *args, **kwargs):
        return self.get_object(request, *args, **kwargs).last_modified

    # The feed.
    def title(self, scope):
        return scope.title()

    def link(self, scope):
        return scope.link

    def description(self, scope):
        return scope.description()

    def subtitle(self, scope):
        return scope.description()

    def feed_url(self, scope):
        return absolute_url(scope.request.path)

    def feed_guid(self, scope):
        return scope.guid

    def author_name(self, scope):
        return story_data.publication_name(scope.request)

    def author_link(self, scope):
        return absolute_url("/")

    def items(self, scope):
        return feed_entries(scope)

    # Each story.
    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.link

    def item_description(self, entry):
        return escape(entry.summary)  # HTML, as readers take RSS descriptions and Atom summaries

    def item_guid(self, entry):
        return entry.guid

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        return entry.updated

    def item_categories(self, entry):
        return entry.categories

    def item_enclosures(self, entry):
        image = entry.enclosure
        if image is None:
            return []
        return [Enclosure(image.url, str(image.length), image.mime_type)]

    def item_extra_kwargs(self, entry):
        return {"content_html": entry.content, "authors": entry.authors, "image": entry.enclosure}


class SectionFeed(StoryFeed):
    scope_kind = "section"


class TagFeed(StoryFeed):
    scope_kind = "tag"


class AuthorFeed(StoryFeed):
    scope_kind = "author"


class AtomMixin:
    feed_type = NewsAtomFeed


class SiteAtomFeed(AtomMixin, StoryFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass
