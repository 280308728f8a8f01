"""The story page: what it shows around the story (docs/architecture.md)."""

from django.db.models import prefetch_related_objects

from masthead.articles.body_facts import linked_stories
from masthead.articles.models import ArticleByline, ArticleTag
from masthead.articles.neighbours import around_story
from masthead.core.models import ROUTED
from masthead.core.prepared import Prepared
from masthead.core.tree import parent_path
from masthead.core.visibility import is_private
from masthead.curation.picks import dont_miss
from masthead.pagecache import deps
from masthead.sections.tree import section_tree


def public_linked_story_ids(story, request=None) -> set[int]:
    """Which of the stories the body's "also read" blocks link to readers may see: live and
    outside any private section (from the linked pages the body fetches to show them)."""
    return {
        linked.pk
        for linked in linked_stories(story.body)
        if linked.live and not is_private(linked.path, request)
    }


def corrections_of(story) -> list:
    """The story's corrections log; no query for a story that the router found without any."""
    if getattr(story, "has_corrections", True) is False:
        return []
    return list(story.corrections.order_by("noted_at"))


# A story's bylines as `story.bylines` reads them, compiled once per process.
_bylines_of = Prepared(
    lambda page: ArticleByline.objects.filter(page=page).select_related("person__photo"),
    page=int,
)


# A story's tags as `story.tags` reads them (a tag without a slug is not linked), the same way.
_tags_of = Prepared(
    lambda page: (
        ArticleTag.tag_model()
        .objects.filter(**{f"{ArticleTag.tag_relname()}__content_object": page})
        .exclude(slug="")
        .order_by("name")
    ),
    page=int,
)


def tags_of(story) -> list:
    """The story's tags in name order, as published (a preview shows the tags being edited)."""
    if getattr(story, ROUTED, False):
        return _tags_of.run(page=story.pk)
    return list(story.tags.exclude(slug="").order_by("name"))


def bylines_with_photos(story) -> list:
    """The story's bylines with their people and photos (the author box), and the renditions
    of those photos and of the lead image, in one query for all of them."""
    if getattr(story, ROUTED, False):  # as published (a preview shows the bylines being edited)
        bylines = _bylines_of.run(page=story.pk)
    else:
        bylines = list(story.bylines.select_related("person__photo"))
    images = [byline.person.photo for byline in bylines if byline.person.photo_id]
    if story.lead_image_id:
        images.append(story.lead_image)
    prefetch_related_objects(images, "renditions")
    return bylines


def article_page_context(story, request) -> dict:
    trail = section_tree().trail(story)  # its breadcrumbs, without a query
    section = trail[-1] if trail and trail[-1].path == parent_path(story) else None
    picks = dont_miss(request, exclude=story)
    context = {
        "section": section,
        "section_trail": trail,
        "dont_miss": picks,
        "bylines": bylines_with_photos(story),
        "tags": tags_of(story),
        "credit_organisation": story.credit_organisation if story.credit_organisation_id else None,
        "corrections": corrections_of(story),
        "public_link_ids": public_linked_story_ids(story, request),
    }
    if section is None:
        return context | {"previous_story": None, "next_story": None, "latest_from_section": []}
    deps.record(deps.section_list_tag(section.pk))
    # "Latest from" skips the picks that Don't Miss shows below it: a story appears once.
    return context | around_story(story, section, request, skip={pick.pk for pick in picks})
