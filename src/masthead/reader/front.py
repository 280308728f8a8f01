"""Listings: the front page, section pages and the navigation."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.http import Http404
from taggit.models import Tag

from masthead.articles.queries import newest_first, public_stories, with_lead_images
from masthead.core.pagination import paginate
from masthead.core.sites import site_root
from masthead.core.visibility import shared_view_restrictions
from masthead.curation.picks import dont_miss, front_page_pins
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide
from masthead.sections.tree import section_tree

SECTION_PAGE_SIZE = 20
TAG_PAGE_SIZE = 20
TOP_STORIES = 4
FRONT_PAGE_LATEST = 10
FRONT_PAGE_NEWEST = 1 + TOP_STORIES + FRONT_PAGE_LATEST
SECTION_BLOCK_STORIES = 3


def _menu_sections(root) -> list:
    restrictions = shared_view_restrictions()
    return [
        section
        for section in section_tree().children(root)
        if section.live
        and section.show_in_menus
        and not any(restriction.covers(section.path) for restriction in restrictions)
    ]


def top_sections(request):
    """The sections shown in the site's navigation, in the editors' tree order: the live, public
    sections below the front page that are shown in menus (no query: the process's copy)."""
    root = site_root(request)
    if root is None:
        return []
    return sitewide(f"navigation-{root.pk}", {deps.NAV}, lambda: _menu_sections(root))


def front_page_context(home, request) -> dict:
    deps.record(deps.page_tag(home.pk), deps.ALL_STORIES, deps.PINS, deps.PICKS)
    newest = list(
        with_lead_images(newest_first(public_stories(request).descendant_of(home)))[
            :FRONT_PAGE_NEWEST
        ]
    )
    lead, top = lead_and_top_stories(front_page_pins(request), newest)
    shown = {story.pk for story in [lead, *top] if story is not None}
    return {
        "lead_story": lead,
        "top_stories": top,
        "latest": [story for story in newest if story.pk not in shown][:FRONT_PAGE_LATEST],
        "section_blocks": section_blocks(home, request),
        "dont_miss": dont_miss(request),
    }


def lead_and_top_stories(pins, newest, count=TOP_STORIES):
    """The pinned lead and top stories first; the newest stories fill the places left."""
    pinned_leads = [story for slot, story in pins if slot == "lead"]
    pinned_top = [story for slot, story in pins if slot == "top"]
    pinned_top_ids = {story.pk for story in pinned_top}
    unpinned = (story for story in newest if story.pk not in pinned_top_ids)
    lead = pinned_leads[0] if pinned_leads else next(unpinned, None)
    top, seen = [], {lead.pk} if lead else set()
    for story in [*pinned_top, *newest]:
        if len(top) == count:
            break
        if story.pk not in seen:
            top.append(story)
            seen.add(story.pk)
    return lead, top


def section_blocks(home, request, per_section=SECTION_BLOCK_STORIES) -> list:
    """Each top-level section with its newest stories (its subsections' included), in one query."""
    sections = top_sections(request)
    if not sections:
        return []
    prefix = Substr("path", 1, len(sections[0].path))
    ranked = (
        public_stories(request)
        .descendant_of(home)
        .annotate(
            section_path=prefix,
            rank=Window(
                RowNumber(),
                partition_by=[prefix],
                order_by=[F("published_at").desc(nulls_last=True), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_section)
        .order_by("section_path", "rank")
    )
    by_section = {}
    for story in ranked:
        by_section.setdefault(story.section_path, []).append(story)
    deps.record(*(deps.section_list_tag(section.pk) for section in sections))
    return [(s, by_section[s.path]) for s in sections if s.path in by_section]


def section_page_context(section, request) -> dict:
    deps.record(deps.page_tag(section.pk), deps.section_list_tag(section.pk))
    stories = with_lead_images(newest_first(public_stories(request).descendant_of(section)))
    return {"stories_page": paginate(stories, request, SECTION_PAGE_SIZE)}


def tag_page_context(slug, request) -> dict:
    """A tag's public stories; a tag that only drafts carry does not exist for readers."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is not None:
        deps.record(deps.tag_list_tag(tag.pk))
        stories = with_lead_images(newest_first(public_stories(request).filter(tags__slug=slug)))
        stories_page = paginate(stories, request, TAG_PAGE_SIZE)
        if stories_page.paginator.count:
            return {"tag": tag, "stories_page": stories_page}
    raise Http404(f"No stories are tagged {slug[:80]!r}.")
