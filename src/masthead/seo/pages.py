"""The head of the site's Wagtail pages other than stories: the front page and a section."""

from masthead.core.pagination import page_suffix
from masthead.core.tree import parent_path
from masthead.sections.tree import section_tree
from masthead.seo.head import (
    SCHEMA,
    HeadMeta,
    Share,
    breadcrumbs,
    head,
    home_url,
    listing_url,
    page_url,
    publisher,
    section_crumbs,
    titled,
    website,
)


def home_meta(page, context) -> HeadMeta:
    site_name, site_settings = context.get("site_name", ""), context.get("site_settings")
    tagline = site_settings.tagline if site_settings else ""
    description = page.meta_description() or tagline or f"The latest news from {site_name}"
    share = Share(page.seo_title or site_name, description, home_url())
    organisation = {"@context": SCHEMA, **publisher(context)}
    title = share.title + (f": {tagline}" if tagline else "")
    return head(share, context, home_url(), [website(site_name), organisation], title)


def section_meta(page, context) -> HeadMeta:
    site_name, request = context.get("site_name", ""), context.get("request")
    stories_page = context.get("stories_page")
    suffix = page_suffix(stories_page)
    url = listing_url(page_url(page, request), stories_page)
    description = page.meta_description() or f"The latest {page.title} stories from {site_name}"
    share = Share((page.seo_title or page.title) + suffix, description + suffix, url)
    trail = [*sections_above(page, context), page]
    crumbs = [breadcrumbs(site_name, section_crumbs(trail, request))]
    return head(share, context, url, crumbs, titled(share.title, context))


def sections_above(section, context) -> list:
    """The sections above `section`, from the navigation's top-level sections (fetched for the
    header already) where they suffice; from the process's copy of the sections otherwise."""
    top_level = {top.path: top for top in context.get("navigation") or []}
    if section.path in top_level:
        return []
    if parent_path(section) in top_level:
        return [top_level[parent_path(section)]]
    return section_tree().trail(section)


# The WebPage type of a standard page with one of these roles (schema.org).
ROLE_PAGE_TYPES = {"about": "AboutPage", "masthead": "AboutPage", "contact": "ContactPage"}


def standard_page_meta(page, context) -> HeadMeta:
    """About, Contact, a policy: its title and standfirst; a WebPage (AboutPage, ContactPage
    for those roles) with its last update, and the breadcrumb from the front page."""
    site_name, request = context.get("site_name", ""), context.get("request")
    url = page_url(page, request)
    description = page.meta_description() or f"{page.title}: {site_name}"
    share = Share(page.seo_title or page.title, description, url)
    web_page = {
        "@context": SCHEMA,
        "@type": ROLE_PAGE_TYPES.get(page.role, "WebPage"),
        "name": page.title,
        "url": url,
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": home_url()},
    }
    if page.updated_on:
        web_page["dateModified"] = page.updated_on_iso
    crumbs = breadcrumbs(site_name, [(page.title, url)])
    return head(share, context, url, [web_page, crumbs], titled(share.title, context))


def other_page_meta(page, context) -> HeadMeta:
    """A page type with no builder of its own: its title and description as the editor set
    them; the document title is the publication's."""
    url = page_url(page, context.get("request"))
    share = Share(page.seo_title or page.title, page.search_description, url)
    meta = head(share, context, url, [], context.get("site_name", ""))
    meta.description = ""
    return meta
