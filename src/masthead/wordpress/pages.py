"""A WordPress page as a standard page under the front page.

Masthead's standard pages sit only directly under the front page, so WordPress's page
hierarchy is flattened: `/parent/child/` becomes `/child/` (or `/child-<ID>/` where the slug is
taken or reserved), and the old nested path redirects there once. Status, idempotency and an
editor's later change work as for posts (stories.py), in the same mapping table (kind "page").
"""

from __future__ import annotations

import html

from django.db import transaction
from django.utils.text import slugify

from masthead.core.models import RESERVED_SLUGS
from masthead.pages.models import StandardPage
from masthead.wordpress import body, changes, dates, oldurls, sanitise, stories, wxr
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import IMPORTED, UPDATED, Outcome

PAGE_BLOCKS = {"paragraph", "heading", "image"}


def page_blocks(blocks: list[dict], notes: list[str]) -> list[dict]:
    """A story's blocks as a standard page's (paragraphs, subheadings, images): a quote becomes
    a paragraph; any other block is left out and noted."""
    kept = []
    for block in blocks:
        if block["type"] in PAGE_BLOCKS:
            kept.append(block)
        elif block["type"] == "quote":
            value = block["value"]
            speaker = f" — {html.escape(value['speaker'])}" if value.get("speaker") else ""
            kept.append(
                {"type": "paragraph", "value": f"<p>“{html.escape(value['text'])}”{speaker}</p>"}
            )
        else:
            notes.append(f"{block['type']} block left out: a standard page has no such block")
    return kept


def page_slug(home, item: wxr.Item, own_pk=None) -> str:
    wanted = slugify(item.slug or item.title, allow_unicode=True)[:200] or f"page-{item.wp_id}"
    if wanted.lower() in RESERVED_SLUGS:
        wanted = f"{wanted}-{item.wp_id}"
    return stories.free_slug(home, wanted, item.wp_id, own_pk)


def import_page(item: wxr.Item, context: stories.Context, outcome: Outcome):
    """Create or update the standard page of one WordPress page, with its mapping row."""
    digest = changes.fingerprint(item)
    known = ImportedObject.objects.filter(
        site_url=context.site_url, kind="page", wp_id=item.wp_id
    ).first()
    page = StandardPage.objects.filter(pk=known.object_id).first() if known else None
    kept = stories.unchanged_or_kept(known, page, digest, context.force)
    if kept is not None:
        outcome.count("page", kept[0], item.label, kept[1])
        return page
    published_at, _note = dates.publication_date(item.post_date_gmt, item.post_date, context.zone)
    plan, reason = stories.status_plan(item, published_at)
    if plan == "review":
        plan, reason = "draft", "pending review on WordPress: imported as a draft"
    conversion = body.convert(item.content, lambda ref: stories.find_image(ref, context))
    notes = list(conversion.notes)
    blocks = page_blocks(conversion.blocks, notes)
    for note in sorted(set(notes)):
        outcome.warn(item.label, note)
    creating = page is None
    # What an update changed, for the summary and the dry run (not kept with the plan's reason).
    what_changed = "" if creating else changes.changed(known.data, item)
    with transaction.atomic():
        if page is None:
            page = StandardPage(live=False)
            fill(page, item, blocks)
            page.slug = page_slug(context.home, item)
            context.home.add_child(instance=page)
        else:
            fill(page, item, blocks)
        if plan == "scheduled":
            page.go_live_at = published_at
        revision = page.save_revision(log_action=True)
        if plan in {"live", "scheduled"}:
            revision.publish()
            page.refresh_from_db()
            remember(item, page, outcome)
        elif page.live:
            page.unpublish()
        ImportedObject.objects.update_or_create(
            site_url=context.site_url,
            kind="page",
            wp_id=item.wp_id,
            defaults={
                "object_id": page.pk,
                "fingerprint": digest,
                "revision_id": revision.pk,
                "wp_slug": item.slug,
                "old_url": item.link,
                "data": {
                    "plan": plan,
                    "reason": reason,
                    "parent": item.parent,
                    "fields": changes.field_digests(item),
                },
            },
        )
    moved = "a child page on WordPress: now directly under the front page" if item.parent else ""
    note = "; ".join(filter(None, [what_changed, reason, moved]))
    outcome.count("page", IMPORTED if creating else UPDATED, item.label, note)
    return page


def fill(page: StandardPage, item: wxr.Item, blocks: list[dict]) -> None:
    page.title = sanitise.plain(item.title)[:255] or f"Untitled ({item.wp_id})"
    page.standfirst = sanitise.plain(item.excerpt)[:600]
    page.body = blocks
    page.seo_title = stories.seo_title(item, "")
    page.search_description = stories._meta(item, stories.SEO_DESCRIPTION_KEYS)[:1000]


def remember(item: wxr.Item, page: StandardPage, outcome: Outcome) -> None:
    """The old permalink (nested or not) → the page, once; `?page_id=` is middleware.py's."""
    oldurls._redirect(oldurls.old_path(item.link), outcome, page=page, kind="page")
