"""The front page: the lead and top stories (pins first), the latest, a block per section and
the editors' "Don't Miss" picks."""

from masthead.articles import archive
from masthead.articles.lists import ArchiveList, newest_of_each
from masthead.articles.queries import public_stories, sort_key, with_renditions
from masthead.curation.picks import dont_miss, front_page_pins
from masthead.pagecache import deps
from masthead.sections.navigation import top_sections

TOP_STORIES = 4
FRONT_PAGE_LATEST = 10
FRONT_PAGE_NEWEST = 1 + TOP_STORIES + FRONT_PAGE_LATEST
SECTION_BLOCK_STORIES = 3


def front_page_context(home, request) -> dict:
    deps.record(deps.page_tag(home.pk), deps.ALL_STORIES, deps.PINS, deps.PICKS)
    picks = dont_miss(request)
    picked = {story.pk for story in picks}
    # Enough of the newest stories for the lead, the top stories and latest news, which skips
    # the picks (shown in Don't Miss beside it): a story appears once on the page.
    newest = newest_stories(home, request, FRONT_PAGE_NEWEST + len(picks))
    blocks = section_blocks(home, request)
    # The thumbnails of the newest stories and of the section blocks: their renditions in one
    # query for all of them.
    with_renditions([*newest, *(story for _, stories in blocks for story in stories)])
    lead, top = lead_and_top_stories(front_page_pins(request), newest)
    shown = {story.pk for story in [lead, *top] if story is not None}
    not_latest = shown | picked
    return {
        "lead_story": lead,
        "top_stories": top,
        "latest": [story for story in newest if story.pk not in not_latest][:FRONT_PAGE_LATEST],
        "section_blocks": blocks,
        "dont_miss": [story for story in picks if story.pk not in shown],
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


def newest_stories(home, request, count: int) -> list:
    """The site's `count` newest public stories, with their lead images, off the home's archive
    list (every page above a story keeps one, `articles.archive`): an index walk, where sorting
    every story below the home took longer the bigger the archive."""
    stories = public_stories(request).select_related("lead_image")
    return ArchiveList(archive.SECTION, home.pk, stories)[0:count]


def section_blocks(home, request, per_section=SECTION_BLOCK_STORIES) -> list:
    """Each top-level section with its newest stories (its subsections' included), in one query:
    the ids of each section's newest off its archive list, then those stories."""
    sections = top_sections(request)
    if not sections:
        return []
    newest = newest_of_each(archive.SECTION, [section.pk for section in sections], per_section)
    found = public_stories(request).select_related("lead_image").filter(pk__in=newest)
    by_section = {}
    for story in sorted(found, key=sort_key, reverse=True):
        by_section.setdefault(story.path[: len(sections[0].path)], []).append(story)
    deps.record(*(deps.section_list_tag(section.pk) for section in sections))
    return [(s, by_section[s.path]) for s in sections if s.path in by_section]
