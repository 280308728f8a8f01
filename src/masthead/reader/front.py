"""The front page: the lead and top stories (pins first), the latest, a block per section and
the editors' "Don't Miss" picks."""

from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr

from masthead.articles.queries import newest_first, public_stories, with_renditions
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
    newest = list(
        newest_first(public_stories(request).descendant_of(home)).select_related("lead_image")[
            : FRONT_PAGE_NEWEST + len(picks)
        ]
    )
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


def section_blocks(home, request, per_section=SECTION_BLOCK_STORIES) -> list:
    """Each top-level section with its newest stories (its subsections' included), in one query."""
    sections = top_sections(request)
    if not sections:
        return []
    prefix = Substr("path", 1, len(sections[0].path))
    ranked = (
        public_stories(request)
        .descendant_of(home)
        .select_related("lead_image")
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
