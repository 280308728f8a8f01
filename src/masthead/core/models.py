"""What every reader page shares: the abstract base page and the site's settings."""

from functools import lru_cache
from http import HTTPMethod

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.base import DEFERRED
from django.urls import NoReverseMatch
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, PageViewRestriction, Site

from masthead.core import assembly
from masthead.core.dates import DEFAULT_DATE_FORMAT, validate_date_format
from masthead.core.links import page_paths
from masthead.core.ordering import OrderedPublishMixin
from masthead.core.visibility import shared_view_restrictions

# URL segments the site's own routes use: a section or story with one of these slugs would
# hide a route (/tags/, /<section>/feed/, ...) or be hidden by it.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "atom",
        "authors",
        "corrections",
        "documents",
        "favicon.ico",
        "feed",
        "feeds",
        "media",
        "news-sitemap",
        "news-sitemap.xml",
        "robots.txt",
        "search",
        "sitemap",
        "sitemap.xml",
        "sitemaps",
        "static",
        "tags",
    }
)


# Set on a page that a router found for a reader's request (a page read without Wagtail's walk).
ROUTED = "_masthead_routed"


class BasePage(OrderedPublishMixin, Page):
    """Fields and behaviour shared by Masthead's page types (Wagtail's own Page stays the base)."""

    # Whether the page's slug is part of public URLs beside the site's own routes.
    slug_in_public_urls = True
    # Readers only read: any other method is a 405 with an Allow header (Wagtail's check). Page
    # passwords are posted to Wagtail's own /_util/ address, not to the page.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    class Meta:
        abstract = True

    @property
    def status_string(self):
        """Wagtail's status, naming the review step a story waits at: "in review: Copy edit"."""
        if not self.live and not self.expired and self.workflow_in_progress:
            task = self.current_workflow_task
            if task is not None:
                return f"in review: {task.name}"
        return super().status_string

    def clean(self):
        super().clean()
        if self.slug_in_public_urls and self.slug and self.slug.lower() in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": f"The slug “{self.slug}” is taken by the site's own pages "
                    f"(/{self.slug}/ is one of its addresses). Choose another slug, "
                    f"e.g. “{self.slug}-news”."
                }
            )

    def meta_description(self) -> str:
        return self.search_description or ""

    @classmethod
    def from_db(cls, db, field_names, values):
        """Django's, without what Wagtail's and modelcluster's `__init__` add for a page being
        created (its content type, child objects passed by name): for a row read from the
        database they only look, and the looking cost as much as setting the row's fields. A
        page type with an `__init__` of its own gets Django's."""
        if cls.__init__ is not _PAGE_INIT:
            return super().from_db(db, field_names, values)
        if len(values) != len(cls._meta.concrete_fields):
            values_iter = iter(values)
            values = [
                next(values_iter) if field.attname in field_names else DEFERRED
                for field in cls._meta.concrete_fields
            ]
        page = cls.__new__(cls)
        models.Model.__init__(page, *values)
        if "id" not in vars(page):  # deferred: Wagtail's __init__ reads it from the page's link
            page.id = page.pk
        page._state.adding = False
        page._state.db = db
        return page

    def get_url_parts(self, request=None):
        """Wagtail's (site id, root URL, path) for the page, without a `reverse()` for each
        (`page_path`: a story page prints some fifteen page URLs). Wagtail's own where its
        choice needs more: a page under several sites, pages in several languages."""
        parts = UrlParts(self._get_site_root_paths(request))(self.url_path)
        return super().get_url_parts(request) if parts is WAGTAILS_OWN else parts

    def get_context(self, request, *args, **kwargs):
        """Wagtail's context and what the reader layer assembles for this page type."""
        context = super().get_context(request, *args, **kwargs)
        context.update(assembly.assemble(self, request))
        return context

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and those above it. For a page routed to a
        reader, which ones apply is read from the process's copy of the restrictions (no
        query where none applies); Wagtail's own lookup everywhere else (the admin)."""
        if not getattr(self, ROUTED, False) or self.alias_of_id:
            return super().get_view_restrictions()
        restrictions = shared_view_restrictions()
        covering = [restriction.pk for restriction in restrictions if restriction.covers(self.path)]
        if not covering:  # most pages: an empty queryset, evaluated already (Wagtail iterates it)
            return _no_restrictions()
        return PageViewRestriction.objects.filter(pk__in=covering)


# What `UrlParts` answers where only Wagtail's `get_url_parts` may decide.
WAGTAILS_OWN = object()


class UrlParts:
    """`Page.get_url_parts()` of the page at a `url_path`, from the sites' root paths
    (Wagtail's `Site.get_site_root_paths()`), with no page object and no query: (site id,
    root URL, path), or WAGTAILS_OWN where Wagtail's choice needs more (no site, several
    sites, several languages). The settings and the URLconf are read once, for many pages."""

    def __init__(self, roots):
        self.roots = roots
        self.theirs = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        self.append_slash = getattr(settings, "WAGTAIL_APPEND_SLASH", True)
        self.page_path = page_paths()

    def __call__(self, url_path: str) -> tuple | object:
        relevant = [root for root in self.roots if url_path.startswith(root.root_path)]
        if self.theirs or not relevant or any(r.site_id != relevant[0].site_id for r in relevant):
            return WAGTAILS_OWN
        site_id, root_path, root_url = relevant[0][:3]
        try:
            path = self.page_path(url_path[len(root_path) :])
        except NoReverseMatch:
            return (site_id, None, None)
        if not self.append_slash and path != "/":
            path = path.rstrip("/")
        return (site_id, root_url, path)


def site_root_paths(request) -> list:
    """Wagtail's `Site.get_site_root_paths()`, kept on the request where pages keep it."""
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths


# The `__init__` every page type inherits (Wagtail's), unless one has its own.
_PAGE_INIT = Page.__init__


@lru_cache(maxsize=1)
def _no_restrictions():
    """No view restriction, as a queryset evaluated once per process: iterating a new empty
    one still compiles its SQL. Read-only: a chained call gives a new, empty queryset."""
    none = PageViewRestriction.objects.none()
    list(none)
    return none


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The publication's identity, editable in the admin under Settings."""

    name = models.CharField(
        "publication name",
        max_length=100,
        blank=True,
        help_text="The name readers see in the header and page titles. Empty: the site's name.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header instead of the name; a wide image about 60 pixels high.",
    )
    tagline = models.CharField(max_length=200, blank=True)
    footer_text = models.TextField(
        blank=True, help_text="Shown at the foot of every page, e.g. the publisher's address."
    )
    date_format = models.CharField(
        max_length=40,
        default=DEFAULT_DATE_FORMAT,
        validators=[validate_date_format],
        help_text=(
            "How readers see dates, in Django's date syntax: “F j, Y” is “August 3, 2023”, "
            "“j F Y” is “3 August 2023”, “d/m/Y” is “03/08/2023”. Today's stories show the "
            "time (“14:35”) in listings."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("tagline"),
        FieldPanel("footer_text"),
        FieldPanel("date_format"),
    ]

    class Meta:
        verbose_name = "site settings"
