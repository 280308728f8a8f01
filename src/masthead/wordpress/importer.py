"""`import_export()`: a WXR file into the newsroom, in two streaming passes after the check.

1. `wxr.survey()` reads the whole file: a file that is not well-formed stops here, before
   anything is written.
2. Authors, categories, tags and attachments (images), as the file lists them.
3. Posts (stories) and pages (standard pages, pages.py); then the nav menus (navmenus.py),
   whose links point at what passes 2 and 3 brought in.

Each object is written in its own transaction with its `ImportedObject` row, so an import
stopped at any point (even by SIGKILL) is finished by the next run. `dry_run` runs everything in
one transaction that is rolled back, and copies no file.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from wagtail.models import Site

from masthead.articles import bulk
from masthead.sections.models import HomePage
from masthead.wordpress import (
    batches,
    bulkmedia,
    bulkurls,
    fetch,
    media,
    navmenus,
    oldurls,
    pages,
    stories,
    taxonomy,
    wxr,
)
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED, Outcome

log = logging.getLogger(__name__)

IGNORED_TYPES = {
    "revision",
    "customize_changeset",
    "oembed_cache",
    "wp_global_styles",
    "custom_css",
    "user_request",
    "wp_navigation",
    "wp_template",
    "wp_template_part",
}


class DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


@dataclass
class Options:
    path: Path
    uploads: Path | None = None
    dry_run: bool = False
    time_zone: str = ""
    force: bool = False
    media_base_url: str = ""
    fetcher: fetch.Fetcher | None = None
    # New published posts in batches (batches.py); 0 or 1: each post on its own, the careful way.
    batch_size: int = batches.BATCH_SIZE


@dataclass
class Result:
    survey: wxr.Survey
    outcome: Outcome = field(default_factory=Outcome)
    site_url: str = ""


def default_home() -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    if not isinstance(root, HomePage):
        raise wxr.NotAnExport("The default site's root is not a front page: nowhere to import to.")
    return root


def import_export(
    options: Options, progress: Callable[[int, int], None] = lambda d, t: None
) -> Result:
    survey = wxr.survey(options.path)
    result = Result(survey)
    result.site_url = (survey.channel.base_site_url or survey.channel.link or "").rstrip("/")
    for warning in survey.warnings:
        result.outcome.warn(str(options.path.name), warning)
    home = default_home()
    if options.media_base_url:
        options.fetcher = fetch.Fetcher(options.media_base_url)
    try:
        with transaction.atomic() if options.dry_run else _nothing():
            _run(options, result, home, progress)
            if options.dry_run:
                raise DryRun
    except DryRun:
        pass
    finally:
        if options.fetcher is not None:
            shutil.rmtree(options.fetcher.folder, ignore_errors=True)
    if not options.dry_run:
        outcome = result.outcome
        bulk.refresh_statistics(outcome.total(IMPORTED) + outcome.total(UPDATED))
    return result


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@dataclass
class _Gathered:
    """What pass 2 found, for the posts of pass 3."""

    people: dict = field(default_factory=dict)
    categories: list = field(default_factory=list)
    images: dict = field(default_factory=dict)
    images_by_url: dict = field(default_factory=dict)
    menus: list = field(default_factory=list)  # nav_menu terms, in file order
    links: list = field(default_factory=list)  # navmenus.Link of each nav_menu_item
    done: int = 0


def _run(options: Options, result: Result, home: HomePage, progress) -> None:
    outcome, site_url = result.outcome, result.site_url
    total = result.survey.items
    gathered = _Gathered()

    def found(item, image):
        if image:
            gathered.images[item.wp_id] = image
            gathered.images_by_url[image["url"]] = image

    attachments = bulkmedia.Attachments(
        options,
        site_url,
        outcome,
        found,
        lambda item: _attachment(options, site_url, item, outcome),
    )
    # Pass 2: authors, terms, attachments (the posts are read in pass 3).
    for record in wxr.records(options.path, wanted=_is_attachment):
        if isinstance(record, wxr.Author):
            with transaction.atomic():
                person = taxonomy.import_author(site_url, record, outcome)
            if person is not None:
                gathered.people[record.login] = person
        elif isinstance(record, wxr.Term):
            _term(record, gathered, outcome)
        elif isinstance(record, wxr.Item) and record.post_type == "attachment":
            gathered.done += 1
            progress(gathered.done, total)
            attachments.add(record)
    attachments.flush()
    with transaction.atomic():
        sections = taxonomy.import_categories(site_url, home, gathered.categories, outcome)
        fallback = taxonomy.fallback_section(home)
        oldurls.remember_archives(site_url, gathered.categories, sections, gathered.people, outcome)
    context = stories.Context(
        site_url=site_url,
        home=home,
        sections=sections,
        fallback_section=fallback,
        people=gathered.people,
        images=gathered.images,
        images_by_url=gathered.images_by_url,
        zone=ZoneInfo(options.time_zone or settings.TIME_ZONE),
        force=options.force,
        site_name=result.survey.channel.title,
    )
    _posts(options, context, outcome, lambda: progress(gathered.done, total), gathered)
    with transaction.atomic():
        bulkurls.remember_attachment_pages(site_url, outcome)
    navmenus.import_menus(site_url, gathered.menus, gathered.links, options.force, outcome)


def _term(record: wxr.Term, gathered: _Gathered, outcome: Outcome) -> None:
    if record.taxonomy == "category":
        gathered.categories.append(record)
    elif record.taxonomy == "post_tag":
        existed = taxonomy.tag_exists(record.name)
        tag = taxonomy.tag_named(record.name)
        if tag is not None and record.slug:
            oldurls.remember_tag(record.slug, tag, outcome)
        outcome.count("tag", UNCHANGED if existed else IMPORTED)
    elif record.taxonomy == "nav_menu":
        gathered.menus.append(record)


def _posts(options, context, outcome: Outcome, tick, gathered: _Gathered) -> None:
    """Pass 3: posts and the rest. An ID seen twice in one export: the first item is kept."""
    seen = SeenIds()
    posts = batches.PostBatches(context, outcome, options.batch_size)
    for record in wxr.records(options.path, wanted=lambda post_type: not _is_attachment(post_type)):
        if not isinstance(record, wxr.Item):
            continue
        gathered.done += 1
        tick()
        key = (record.post_type, record.wp_id)
        if key in seen:
            outcome.count(
                record.post_type,
                SKIPPED,
                record.label,
                f"the export has ID {record.wp_id} twice (line {record.line}); the first is kept",
            )
            continue
        seen.add(key)
        if record.post_type == "nav_menu_item":
            link = navmenus.Link.of(record)
            if link is None:
                outcome.count("menu item", SKIPPED, record.label, "in no menu")
            else:
                gathered.links.append(link)
            continue
        if options.batch_size > 1 and _importable_post(record):
            posts.add(record)
            continue
        _item(record, context, outcome)
    posts.flush()


class SeenIds:
    """The (post type, WordPress ID) pairs met so far in pass 3. A set of them grew the import
    by some 10 MB at 100,000 posts; here an ID below `BITMAP_IDS` is one bit of a bitmap a post
    type (WordPress counts its IDs up from 1: 1.25 MB for IDs up to 10,000,000, whatever the
    number of items), any other ID goes in a set."""

    BITMAP_IDS = 1 << 24  # at most 2 MB a post type

    def __init__(self):
        self.bits: dict[str, bytearray] = {}
        self.others: set[tuple[str, int]] = set()

    def __contains__(self, key: tuple[str, int]) -> bool:
        post_type, wp_id = key
        if not 0 <= wp_id < self.BITMAP_IDS:
            return key in self.others
        bits = self.bits.get(post_type, b"")
        return wp_id >> 3 < len(bits) and bool(bits[wp_id >> 3] >> (wp_id & 7) & 1)

    def add(self, key: tuple[str, int]) -> None:
        post_type, wp_id = key
        if not 0 <= wp_id < self.BITMAP_IDS:
            self.others.add(key)
            return
        bits = self.bits.setdefault(post_type, bytearray())
        if wp_id >> 3 >= len(bits):
            bits.extend(bytes((wp_id >> 3) + 1 - len(bits)))
        bits[wp_id >> 3] |= 1 << (wp_id & 7)


def _is_attachment(post_type: str) -> bool:
    return post_type == "attachment"


def _importable_post(item: wxr.Item) -> bool:
    return item.post_type == "post" and item.status not in stories.NOT_IMPORTED_STATUSES


def _item(item: wxr.Item, context, outcome: Outcome) -> None:
    kind = item.post_type
    if kind == "post":
        if item.status in stories.NOT_IMPORTED_STATUSES:
            outcome.count("post", SKIPPED, item.label, f"status {item.status!r} is not imported")
            return
        try:
            stories.import_post(item, context, outcome)
        except Exception as error:  # one bad post never stops the run
            log.exception("WordPress %s failed", item.label)
            outcome.count("post", FAILED, item.label, f"{type(error).__name__}: {error}")
    elif kind == "page":
        if item.status in stories.NOT_IMPORTED_STATUSES:
            outcome.count("page", SKIPPED, item.label, f"status {item.status!r} is not imported")
            return
        try:
            pages.import_page(item, context, outcome)
        except Exception as error:  # one bad page never stops the run
            log.exception("WordPress %s failed", item.label)
            outcome.count("page", FAILED, item.label, f"{type(error).__name__}: {error}")
    elif kind in IGNORED_TYPES:
        outcome.count(kind, SKIPPED)
    else:
        outcome.count(kind, SKIPPED, item.label, f"post type {kind!r} is not imported")


def _attachment(options: Options, site_url: str, item: wxr.Item, outcome: Outcome) -> dict | None:
    facts = media.attachment_facts(item)
    known = ImportedObject.objects.filter(
        site_url=site_url, kind="attachment", wp_id=item.wp_id
    ).first()
    if known is not None:
        outcome.count("attachment", UNCHANGED)
        return {**known.data, "image": known.object_id}
    if options.uploads is None and options.fetcher is None:
        outcome.count("attachment", SKIPPED, item.label, "no --uploads or --media-base-url given")
        return None
    if options.dry_run and options.fetcher is not None:
        outcome.count("attachment", IMPORTED)  # a dry run fetches nothing
        return None
    if options.dry_run:
        try:
            media.check_image(media.file_under(options.uploads, facts["url"]))
        except media.Unusable as error:
            outcome.count("attachment", SKIPPED, item.label, str(error))
            return None
        outcome.count("attachment", IMPORTED)
        return None
    try:
        if options.fetcher is not None:
            options.fetcher.fetch(facts["url"])
        with transaction.atomic():
            image = media.create_image(options.uploads or options.fetcher.folder, item)
            ImportedObject.objects.create(
                site_url=site_url,
                kind="attachment",
                wp_id=item.wp_id,
                object_id=image.pk,
                fingerprint="",
                old_url=item.link,
                data={**facts, "parent": item.parent},
            )
            oldurls.remember_file(facts["url"], image, outcome)
    except media.Unusable as error:
        outcome.count("attachment", SKIPPED, item.label, str(error))
        return None
    outcome.count("attachment", IMPORTED)
    return {**facts, "image": image.pk}
