"""A WordPress post as a story: its section, bylines, tags, lead image, body, dates, status,
SEO fields, and its place on the front page when it was sticky."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from masthead.articles import text
from masthead.articles.models import ArticleByline, ArticlePage
from masthead.curation.models import Curation, FrontPagePin
from masthead.wordpress import body, dates, oldurls, phpdata, sanitise, wxr
from masthead.wordpress.changes import changed, field_digests, fingerprint
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import IMPORTED, SKIPPED, UNCHANGED, UPDATED, Outcome

PRIMARY_CATEGORY_KEYS = ("_yoast_wpseo_primary_category", "rank_math_primary_category")
SEO_TITLE_KEYS = ("_yoast_wpseo_title", "rank_math_title")
SEO_DESCRIPTION_KEYS = ("_yoast_wpseo_metadesc", "rank_math_description")
CANONICAL_KEYS = ("_yoast_wpseo_canonical", "rank_math_canonical_url")
NOT_IMPORTED_STATUSES = {"trash", "auto-draft", "inherit"}


@dataclass
class Context:
    """What every post of one import shares."""

    site_url: str
    home: Page
    sections: dict
    fallback_section: Page
    people: dict  # login -> Person
    images: dict  # attachment ID -> {"image": pk, "alt_text", "caption", "credit", "url"}
    images_by_url: dict
    zone: ZoneInfo
    force: bool
    site_name: str


def _meta(item: wxr.Item, keys) -> str:
    for key in keys:
        value = phpdata.maybe_loads(item.meta.get(key, ""))
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return ""


def seo_title(item: wxr.Item, site_name: str) -> str:
    """The Yoast/Rank Math title with its common variables filled in; empty where others remain."""
    title = _meta(item, SEO_TITLE_KEYS)
    for variable, value in {
        "%%title%%": item.title,
        "%title%": item.title,
        "%%sitename%%": site_name,
        "%sitename%": site_name,
        "%%sep%%": "–",
        "%sep%": "–",
        "%%page%%": "",
        "%page%": "",
    }.items():
        title = title.replace(variable, value)
    return "" if "%" in title else " ".join(title.split())[:255]


def section_of(item: wxr.Item, context: Context):
    """The primary category's section (Yoast, Rank Math), else the first category's; the other
    categories' names become tags."""
    categories = [(slug, name) for domain, slug, name in item.terms if domain == "category"]
    primary = _meta(item, PRIMARY_CATEGORY_KEYS)
    section = context.sections.get(int(primary)) if primary.isdigit() else None
    if section is None:
        for slug, _name in categories:
            if slug in context.sections:
                section = context.sections[slug]
                break
    section = section or context.fallback_section
    others = [name for slug, name in categories if context.sections.get(slug) != section]
    return section, others


def status_plan(item: wxr.Item, published_at) -> tuple[str, str]:
    """(what to do, the report's reason): live, draft, review, scheduled."""
    status = item.status or "publish"
    if item.password:
        return "draft", "password-protected on WordPress: imported unpublished (never public)"
    if status == "publish":
        return "live", ""
    if status == "draft":
        return "draft", ""
    if status == "pending":
        return "review", "pending review on WordPress: imported as a draft, in review"
    if status == "private":
        return "draft", "private on WordPress: imported unpublished (never public)"
    if status == "future":
        if published_at is not None and published_at > timezone.now():
            return "scheduled", ""
        return "draft", "scheduled on WordPress for a time already past: imported unpublished"
    return "draft", f"unknown status {status!r}: imported unpublished"


def free_slug(parent, wanted: str, wp_id: int, own_pk=None) -> str:
    siblings = Page.objects.child_of(parent).exclude(pk=own_pk)
    slug = wanted
    if siblings.filter(slug=slug).exists():
        slug = f"{wanted[:240]}-{wp_id}"
    return slug


def unchanged_or_kept(known, story, digest: str, force: bool) -> tuple[str, str] | None:
    """(action, reason) where the post is left as it is: unchanged since the last import, or
    edited or deleted in Masthead since (unless forced)."""
    if known is None or force:
        return None
    if story is None:
        return SKIPPED, "deleted in Masthead since the import (--force brings it back)"
    if story.latest_revision_id != known.revision_id:
        return SKIPPED, "edited in Masthead since the import (--force overwrites)"
    if known.fingerprint == digest:
        return UNCHANGED, ""
    return None


def import_post(item: wxr.Item, context: Context, outcome: Outcome) -> ArticlePage | None:
    """Create or update the story of one post, in one transaction with its mapping row."""
    digest = fingerprint(item)
    known = ImportedObject.objects.filter(
        site_url=context.site_url, kind="post", wp_id=item.wp_id
    ).first()
    story = ArticlePage.objects.filter(pk=known.object_id).first() if known else None
    kept = unchanged_or_kept(known, story, digest, context.force)
    if kept is not None:
        outcome.count("post", kept[0], item.label, kept[1])
        return story
    published_at, date_note = dates.publication_date(
        item.post_date_gmt, item.post_date, context.zone
    )
    if date_note and item.status in {"publish", "future"}:
        outcome.warn(item.label, date_note)
    plan, reason = status_plan(item, published_at)
    section, extra_tags = section_of(item, context)
    conversion = body.convert(item.content, lambda ref: find_image(ref, context))
    for note in sorted(set(conversion.notes)):
        outcome.warn(item.label, note)
    creating = story is None
    # What an update changed, for the summary and the dry run (not kept with the plan's reason).
    what_changed = "" if creating else changed(known.data, item)
    with transaction.atomic():
        story = place(
            story,
            item,
            section,
            lambda page: fill(page, item, context, conversion.blocks, published_at, section),
        )
        set_relations(story, item, context, extra_tags, outcome)
        revision = apply_status(story, item, plan, published_at, outcome)
        keep_updated_date(story, item, published_at, context)
        ImportedObject.objects.update_or_create(
            site_url=context.site_url,
            kind="post",
            wp_id=item.wp_id,
            defaults={
                "object_id": story.pk,
                "fingerprint": digest,
                "revision_id": revision.pk,
                "wp_slug": item.slug,
                "old_url": item.link,
                "data": {"plan": plan, "reason": reason, "fields": field_digests(item)},
            },
        )
    note = "; ".join(filter(None, [what_changed, reason]))
    outcome.count("post", IMPORTED if creating else UPDATED, item.label, note)
    return story


def place(story, item: wxr.Item, section, fill_in) -> ArticlePage:
    """The story, new (added to its section) or existing (moved where its section changed),
    with the post's content filled in."""
    if story is None:
        story = ArticlePage(live=False)
        fill_in(story)
        wanted = slugify(item.slug or item.title, allow_unicode=True)[:200] or f"post-{item.wp_id}"
        story.slug = free_slug(section, wanted, item.wp_id)
        section.add_child(instance=story)
        return story
    if story.get_parent().pk != section.pk:
        story.slug = free_slug(section, story.slug, item.wp_id, story.pk)
        story.save(update_fields=["slug"])
        story.move(section, pos="last-child")
        story = ArticlePage.objects.get(pk=story.pk)
    fill_in(story)
    return story


def apply_status(story, item: wxr.Item, plan: str, published_at, outcome: Outcome):
    """Save the revision and publish, schedule or keep it a draft, as the plan says."""
    if plan == "scheduled":
        story.go_live_at = published_at
    revision = story.save_revision(log_action=True, clean=False)
    if plan in {"live", "scheduled"}:
        revision.publish()
        oldurls.remember_story(item.link, story, outcome)
    elif story.live:
        story.unpublish()
    if plan == "review":
        submit_for_review(story, outcome, item.label)
    if plan == "live" and item.sticky:
        pin(story)
    return revision


def keep_updated_date(story, item: wxr.Item, published_at, context: Context) -> None:
    """Publishing moved the public modified date to now: put back WordPress's own (or none)."""
    updated_at = dates.updated_date(item, published_at, context.zone)
    ArticlePage.objects.filter(pk=story.pk).update(last_substantive_edit_at=updated_at)
    story.last_substantive_edit_at = updated_at


STANDFIRST_CHARS = 600  # ArticlePage.standfirst's max_length


def standfirst_and_body(item: wxr.Item, blocks: list[dict], title: str):
    """(standfirst, body). The excerpt, the body whole. A story needs a standfirst to be
    published, so where the post has no excerpt its first paragraph, when it is short plain
    text (no link, no list), becomes the standfirst and leaves the body: nothing is shown
    twice, on the story or in a listing, and nothing is lost. Else the headline."""
    excerpt = sanitise.plain(item.excerpt)
    if excerpt:
        return text.first_words(excerpt, 90)[:STANDFIRST_CHARS], blocks
    first = blocks[0] if blocks else None
    if first is not None and first["type"] == "paragraph":
        lead = sanitise.cleaned_text(first["value"])
        markup = first["value"].lower()
        if (
            lead
            and len(lead) <= STANDFIRST_CHARS
            and not any(tag in markup for tag in ("<a ", "<ul", "<ol", "<li"))
        ):
            return lead, blocks[1:]
    return title, blocks


def fill(story, item, context, blocks, published_at, section) -> None:
    story.title = sanitise.plain(item.title)[:255] or f"Untitled ({item.wp_id})"
    story.standfirst, story.body = standfirst_and_body(item, blocks, story.title)
    story.published_at = published_at
    if published_at is not None and item.status == "publish":
        story.first_published_at = published_at
    story.last_substantive_edit_at = dates.updated_date(item, published_at, context.zone)
    story.seo_title = seo_title(item, context.site_name)
    story.search_description = _meta(item, SEO_DESCRIPTION_KEYS)[:1000]
    story.canonical_url = sanitise.safe_url(_meta(item, CANONICAL_KEYS))[:500]
    thumbnail = _meta(item, ("_thumbnail_id",))
    lead = context.images.get(int(thumbnail)) if thumbnail.isdigit() else None
    story.lead_image_id = lead["image"] if lead else None
    story.lead_image_alt = (lead or {}).get("alt_text", "")
    story.lead_image_caption = (lead or {}).get("caption", "")
    story.lead_image_credit = (lead or {}).get("credit", "")


def set_relations(story, item, context, extra_tags, outcome) -> None:
    from masthead.wordpress.taxonomy import tag_named

    person = context.people.get(item.creator)
    if person is None and item.creator:
        outcome.warn(item.label, f"unknown author {item.creator!r}: no byline")
    story.bylines.set([ArticleByline(person=person)] if person else [])
    names = [name for domain, _slug, name in item.terms if domain == "post_tag"] + extra_tags
    tags = [tag for tag in (tag_named(name) for name in names) if tag is not None]
    story.tags.set(tags)


def submit_for_review(story, outcome: Outcome, label: str) -> None:
    """A pending post: the story enters its section's review workflow (the copy edit)."""
    workflow = story.get_workflow()
    if workflow is None:
        outcome.warn(label, "no review workflow covers its section: left a draft")
        return
    if story.workflow_in_progress:
        return
    try:
        with transaction.atomic():
            workflow.start(story, user=None)
    except Exception as error:  # the story stays a draft; the report says why
        outcome.warn(label, f"could not enter review ({type(error).__name__}): left a draft")


def find_image(ref: body.ImageRef, context: Context):
    found = context.images.get(ref.wp_id) if ref.wp_id is not None else None
    if found is None and ref.url:
        found = context.images_by_url.get(ref.url.split("?")[0])
    return (
        None
        if found is None
        else {
            "image": found["image"],
            "alt_text": found.get("alt_text", ""),
            "caption": found.get("caption", ""),
            "credit": found.get("credit", ""),
        }
    )


def pin(story) -> None:
    """A sticky post: a top story of the front page (once)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    curation = Curation.for_site(site)
    if not FrontPagePin.objects.filter(curation=curation, story=story).exists():
        FrontPagePin.objects.create(curation=curation, story=story, slot=FrontPagePin.Slot.TOP)
