"""The head of the pages the site's own views list stories on: a tag, an author, the search
results and the corrections log."""

from django.urls import reverse

from masthead.articles.text import first_words
from masthead.core.links import absolute_url
from masthead.core.pagination import page_suffix
from masthead.seo.head import (
    PROFILE_PHOTO_SPEC,
    HeadMeta,
    Share,
    head,
    listing_url,
    rendition_image,
    titled,
    view_canonical,
)


def tag_meta(context) -> HeadMeta:
    tag, site_name = context["tag"], context.get("site_name", "")
    suffix = page_suffix(context.get("stories_page"))
    tag_url = absolute_url(reverse("tag", kwargs={"slug": tag.slug}))
    url = listing_url(tag_url, context.get("stories_page"))
    share = Share(tag.name + suffix, f"Stories about {tag.name} from {site_name}{suffix}", url)
    return head(share, context, url, [], titled(share.title, context))


def author_meta(context) -> HeadMeta:
    person, site_name = context["person"], context.get("site_name", "")
    suffix = page_suffix(context.get("stories_page"))
    url = listing_url(absolute_url(person.get_absolute_url()), context.get("stories_page"))
    summary = first_words(person.bio, 30) or f"Stories by {person.name} in {site_name}"
    share = Share(person.name + suffix, summary + suffix, url)
    if not person.is_organisation:
        share.type = "profile"
    if person.photo_id:
        share.image = rendition_image(person.photo, PROFILE_PHOTO_SPEC, f"Photo of {person.name}")
    return head(share, context, url, [], titled(share.title, context))


def search_meta(context) -> HeadMeta:
    """The search page: canonical at its own address with the words and the page number."""
    query, site_name = context["query"], context.get("site_name", "")
    if query.is_empty:
        title, description = "Search", f"Search the stories published by {site_name}."
    else:
        suffix = page_suffix(context.get("results_page"))
        title = f"Search results for {query.shown}{suffix}"
        description = f"Stories from {site_name} matching {query.shown}{suffix}."
    return HeadMeta(titled(title, context), description, view_canonical(context))


def corrections_meta(context) -> HeadMeta:
    site_name, suffix = context.get("site_name", ""), page_suffix(context.get("notes_page"))
    description = (
        f"Every correction, clarification and update {site_name} has made to its stories, "
        f"newest first{suffix}."
    )
    title = titled(f"Corrections and updates{suffix}", context)
    return HeadMeta(title, description, view_canonical(context))
