"""The parts of a reader page's head: title, description, canonical address, Open Graph and
Twitter card tags and JSON-LD (docs/structured-data.md). The builders of each page type
(masthead.seo.pages) put them together; base.html prints them.

Every absolute URL comes from MASTHEAD_BASE_URL (`absolute_url`), never from the request's Host
header. Everything is built from what the page's context already holds: no query per item.
"""

import json
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri
from markupsafe import Markup

from masthead.core.links import absolute_url, static_url
from masthead.core.sites import current_site
from masthead.pages.roles import organisation_links

SCHEMA = "https://schema.org"
# Google wants a raster publisher logo that fits 600x60: a PNG rendition of the site's logo.
LOGO_SPEC = "max-600x60|format-png"
FALLBACK_LOGO = "masthead/img/favicon.svg"  # until an editor sets a logo in the site settings
PROFILE_PHOTO_SPEC = "fill-400x400-c100|format-jpeg"
# The query parameters that select what a page shows; every other one is left out of canonicals.
CANONICAL_QUERY = ("q", "page")
# JSON inside <script> must not contain "</script>" or "<!--": escape <, > and & as \uXXXX.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int | None = None
    height: int | None = None
    alt: str = ""

    def as_json_ld(self) -> dict:
        data = {"@type": "ImageObject", "url": self.url}
        if self.width and self.height:
            data.update(width=self.width, height=self.height)
        return data


@dataclass
class Share:
    """How a page looks when shared: the Open Graph and Twitter card tags."""

    title: str
    description: str
    url: str | None
    type: str = "website"
    image: SocialImage | None = None
    large_image: bool = False  # a wide picture (a story's lead image), not a logo or portrait
    properties: list[tuple[str, str]] = field(default_factory=list)  # article:*, profile:*


@dataclass
class HeadMeta:
    title: str = ""  # the document's <title>
    description: str = ""  # <meta name="description">, where the page has one
    canonical: str | None = None
    open_graph: list[tuple[str, str]] = field(default_factory=list)
    twitter: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)

    @property
    def json_ld_script(self) -> Markup:
        """The page's JSON-LD items as the text of one <script type="application/ld+json">."""
        return json_ld_script(self.json_ld)


def json_ld_script(items: list[dict]) -> Markup:
    data = items[0] if len(items) == 1 else items
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_SCRIPT_SAFE))  # noqa: S704 (escaped for a script element above)


def head(share: Share, context, canonical: str | None, json_ld: list[dict], title: str) -> HeadMeta:
    """A page's head: its title, and its shared description as its meta description."""
    return HeadMeta(
        title=title,
        description=share.description,
        canonical=canonical,
        open_graph=open_graph_tags(share, context.get("site_name", "")),
        twitter=twitter_tags(share),
        json_ld=json_ld,
    )


def open_graph_tags(share: Share, site_name: str) -> list[tuple[str, str]]:
    tags = [
        ("og:type", share.type),
        ("og:title", share.title),
        ("og:description", share.description),
        ("og:url", share.url),
        ("og:site_name", site_name),
        ("og:locale", locale()),
    ]
    if share.image:
        tags += [("og:image", share.image.url)]
        if share.image.width and share.image.height:
            tags += [("og:image:width", str(share.image.width))]
            tags += [("og:image:height", str(share.image.height))]
        tags += [("og:image:alt", share.image.alt)]
    return [(name, value) for name, value in [*tags, *share.properties] if value]


def twitter_tags(share: Share) -> list[tuple[str, str]]:
    card = "summary_large_image" if share.image and share.large_image else "summary"
    tags = [
        ("twitter:card", card),
        ("twitter:title", share.title),
        ("twitter:description", share.description),
    ]
    if share.image:
        tags += [("twitter:image", share.image.url), ("twitter:image:alt", share.image.alt)]
    return [(name, value) for name, value in tags if value]


def locale() -> str:
    """en-gb -> en_GB, as Open Graph writes locales."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}_{region.upper()}" if region else language


def html_lang() -> str:
    """The site's language as reader pages declare it (MASTHEAD_LANGUAGE, e.g. "en")."""
    return settings.MASTHEAD_LANGUAGE


def news_language() -> str:
    """The ISO 639 code the news sitemap wants: the language part of the tag ("en-GB" -> "en")."""
    return settings.MASTHEAD_LANGUAGE.partition("-")[0].lower()


def language() -> str:
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


# URLs ----------------------------------------------------------------------------------------


def page_url(page, request) -> str | None:
    """The page's absolute URL on MASTHEAD_BASE_URL; None where it has none (an unsaved draft)."""
    parts = page.get_url_parts(request)
    return absolute_url(iri_to_uri(parts[2])) if parts and parts[2] else None


def listing_url(url: str | None, stories_page) -> str | None:
    """A paginated listing's own URL: page 2 onwards canonicalise to their ?page=N address."""
    number = getattr(stories_page, "number", 1)
    return f"{url}?page={number}" if url and number > 1 else url


def current_url(request) -> str | None:
    """The request's path with only the parameters that select content (for other pages)."""
    if request is None:
        return None
    query = [(name, request.GET[name]) for name in CANONICAL_QUERY if request.GET.get(name)]
    query = [(name, value) for name, value in query if (name, value) != ("page", "1")]
    return absolute_url(iri_to_uri(request.path) + (f"?{urlencode(query)}" if query else ""))


def view_canonical(context) -> str | None:
    """A page of one of the site's own views (search) is canonical at its own address; error
    pages (404, 410: rendered with an exception, or at a Wagtail address with no page) have
    none."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if "exception" in context or match is None or match.url_name == "wagtail_serve":
        return None
    return current_url(request)


def titled(name: str, context) -> str:
    """A page's document title: what it is, then the publication ("World | The Daily")."""
    return f"{name} | {context.get('site_name', '')}"


def home_url() -> str:
    return absolute_url("/")


# Images --------------------------------------------------------------------------------------


def rendition_image(image, spec: str, alt: str = "") -> SocialImage:
    rendition = image.get_rendition(spec)
    return SocialImage(absolute_url(rendition.url), rendition.width, rendition.height, alt)


def site_logo(site_settings) -> SocialImage | None:
    """The site settings' logo as a PNG rendition, if an editor set one."""
    if site_settings is None or site_settings.logo_id is None:
        return None
    return rendition_image(site_settings.logo, LOGO_SPEC, alt=site_settings.name)


# JSON-LD -------------------------------------------------------------------------------------


def publisher(context) -> dict:
    """The publication, as a NewsMediaOrganization with a logo (the favicon until a logo is
    set) and its masthead, principles, ethics and corrections policy pages, where the site has
    standard pages with those roles (masthead.pages.roles)."""
    logo = site_logo(context.get("site_settings"))
    if logo is None:
        logo = SocialImage(absolute_url(static_url(FALLBACK_LOGO)))
    policies = organisation_links(current_site(context.get("request")))
    return {
        "@type": "NewsMediaOrganization",
        "name": context.get("site_name", ""),
        "url": home_url(),
        "logo": logo.as_json_ld(),
        **{prop: absolute_url(iri_to_uri(url)) for prop, url in policies.items()},
    }


def breadcrumbs(site_name: str, trail: list[tuple[str, str | None]]) -> dict:
    """A BreadcrumbList: the front page, then `trail` as (name, absolute URL) pairs."""
    crumbs = [(site_name, home_url()), *((name, url) for name, url in trail if url)]
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def section_crumbs(sections, request) -> list[tuple[str, str | None]]:
    return [(section.title, page_url(section, request)) for section in sections]


def website(site_name: str) -> dict:
    data = {"@context": SCHEMA, "@type": "WebSite", "name": site_name, "url": home_url()}
    try:
        search = absolute_url(reverse("search"))
    except NoReverseMatch:  # no reader search in this deployment: nothing to advertise
        return data
    data["potentialAction"] = {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
        "query-input": "required name=search_term_string",
    }
    return data
