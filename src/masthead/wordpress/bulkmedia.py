"""Attachments from `--uploads` in batches: the images, their search index and reference index
rows, their mapping rows and the redirects of their old `/wp-content/uploads/` paths, a few
statements per batch instead of some twenty per image (`importer._attachment`).

A batch commits whole or not at all (a killed import leaves whole batches; the next run finishes
the job). A file that cannot become an image is skipped and listed, as one by one. Where the bulk
write of a batch fails, each of its attachments goes the careful way. A dry run, `--media-base-url`
(each file is fetched first) and `--batch-size 1` take the careful way throughout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex, get_root_collection_id
from wagtail.search.backends import get_search_backends

from masthead.articles import bulk
from masthead.wordpress import media, oldurls, wxr
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import IMPORTED, SKIPPED, UNCHANGED, Outcome

log = logging.getLogger(__name__)


class Attachments:
    """Collects attachments as the file streams by; `flush()` at the end of the pass.
    `found(item, image_facts)` is told of each image (new or known), `careful(item)` imports
    one attachment the careful way and returns its facts or None."""

    def __init__(self, options, site_url: str, outcome: Outcome, found: Callable, careful):
        self.options = options
        self.site_url = site_url
        self.outcome = outcome
        self.found = found
        self.careful = careful
        self.items: list[wxr.Item] = []
        self.bulk = (
            options.batch_size > 1
            and not options.dry_run
            and options.uploads is not None
            and options.fetcher is None
        )

    def add(self, item: wxr.Item) -> None:
        if not self.bulk:
            self.found(item, self.careful(item))
            return
        self.items.append(item)
        if len(self.items) >= self.options.batch_size:
            self.flush()

    def flush(self) -> None:
        items, self.items = self.items, []
        if not items:
            return
        known = {
            row.wp_id: row
            for row in ImportedObject.objects.filter(
                site_url=self.site_url, kind="attachment", wp_id__in=[i.wp_id for i in items]
            )
        }
        usable = []
        for item in items:
            row = known.get(item.wp_id)
            if row is not None:
                self.outcome.count("attachment", UNCHANGED)
                self.found(item, {**row.data, "image": row.object_id})
                continue
            facts = media.attachment_facts(item)
            try:
                path = media.file_under(self.options.uploads, facts["url"])
                media.check_image(path)
            except media.Unusable as error:
                self.outcome.count("attachment", SKIPPED, item.label, str(error))
                self.found(item, None)
                continue
            usable.append((item, facts, path))
        self.write(usable)

    def write(self, usable) -> None:
        if not usable:
            return
        try:
            with transaction.atomic():
                images, urls = write_images(self.site_url, usable)
        except Exception:  # rolled back: each attachment takes the careful way
            log.exception("WordPress batch of %d attachments failed; one by one", len(usable))
            for item, _facts, _path in usable:
                self.found(item, self.careful(item))
            return
        self.outcome.urls.extend(urls)
        for (item, facts, _path), image in zip(usable, images, strict=True):
            self.outcome.count("attachment", IMPORTED)
            self.found(item, {**facts, "image": image.pk})


def write_images(site_url: str, usable) -> tuple[list, list]:
    """The images of `usable` (item, facts, file path) with everything `create_image` and the
    signals of its save write; the report's URL rows."""
    Image = get_image_model()
    # The default collection (the root) read once, not once per image as its default does.
    collection_id = get_root_collection_id()
    images = []
    for item, _facts, path in usable:
        with path.open("rb") as handle:
            image = Image(title=(item.title or path.stem)[:255], collection_id=collection_id)
            image.file.save(path.name, File(handle), save=False)
            image._set_image_file_metadata()
        image.file.close()
        images.append(image)
    Image.objects.bulk_create(images)
    # Read back with their (no) tags at hand: the index reads each image's tags three times.
    indexed = Image.objects.filter(pk__in=[image.pk for image in images]).prefetch_related("tags")
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Image, list(indexed))
    insert_references(images)
    ImportedObject.objects.bulk_create(
        ImportedObject(
            site_url=site_url,
            kind="attachment",
            wp_id=item.wp_id,
            object_id=image.pk,
            fingerprint="",
            old_url=item.link,
            data={**facts, "parent": item.parent},
        )
        for (item, facts, _path), image in zip(usable, images, strict=True)
    )
    files = {}
    for (_item, facts, _path), image in zip(usable, images, strict=True):
        path = oldurls.old_path(facts["url"])
        if path:
            files[path] = image.file.url
    return images, redirect_files(files)


def insert_references(images) -> None:
    """The rows `ReferenceIndex.create_or_update_for_object` writes for each new image."""
    if not images or not ReferenceIndex.model_is_indexable(type(images[0])):
        return
    image_type = ContentType.objects.get_for_model(type(images[0]))
    bulk.insert_references(images, image_type, image_type)


def redirect_files(files: dict[str, str]) -> list[tuple[str, str, str]]:
    """`oldurls.remember_file` for many: old upload path → the image's file."""
    existing = {r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=files)}
    for path, redirect in existing.items():
        redirect.redirect_page, redirect.redirect_link = None, files[path]
        redirect.is_permanent = True
        redirect.save()
    Redirect.objects.bulk_create(
        Redirect(old_path=path, site=None, redirect_link=link, is_permanent=True)
        for path, link in files.items()
        if path not in existing
    )
    return [(path, "file", "") for path in files]
