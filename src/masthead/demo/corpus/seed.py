"""Seeding a corpus: N made-up stories spread over the sections and the past months.

Each run adds N more stories to what the site has (a second run on a seeded database adds N
more, with new slugs where headlines repeat). Stories are written in batches, one transaction
each, so an interrupted run leaves whole, consistent batches behind.
"""

import random
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.blocks import StreamValue
from wagtail.models import Page

from masthead.articles import bulk
from masthead.articles.models import ArticleByline, ArticlePage, ArticleTag
from masthead.core.models import RESERVED_SLUGS
from masthead.demo.corpus import words
from masthead.demo.corpus.newsroom import Newsroom, ensure_newsroom
from masthead.search import index as reader_index

SPAN = timedelta(days=180)  # the oldest story is about six months old
NEWEST_AGE = timedelta(minutes=3)  # the newest one a few minutes
MIN_WORDS, MODE_WORDS, MAX_WORDS = 300, 600, 1500
BATCH_SIZE = 1000
SLUG_LENGTH = 80
BYLINE_ROLES = [ArticleByline.Role.AUTHOR, ArticleByline.Role.REPORTING]
SECOND_BYLINE_ROLES = [
    ArticleByline.Role.ADDITIONAL_REPORTING,
    ArticleByline.Role.PHOTOGRAPHER,
    ArticleByline.Role.EDITOR,
]


@dataclass(frozen=True)
class SeedResult:
    added: int
    seconds: float
    total: int  # stories on the site afterwards

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0


def seed_corpus(count: int, seed=None, progress=None, batch_size=BATCH_SIZE) -> SeedResult:
    """Add `count` live stories; `progress(done)` is called after each batch."""
    with transaction.atomic():
        newsroom = ensure_newsroom()
    started = time.perf_counter()
    rng = random.Random(seed if seed is not None else seed_for_site())  # noqa: S311 (made-up copy)
    seeder = Seeder(newsroom, rng)
    dates = seeder.publication_dates(count)
    for start in range(0, count, batch_size):
        with transaction.atomic(), bulk.collections_per_batch():
            seeder.write_batch(dates[start : start + batch_size])
        if progress is not None:
            progress(min(count, start + batch_size))
    bulk.refresh_statistics(count)
    seconds = time.perf_counter() - started
    return SeedResult(count, seconds, ArticlePage.objects.count())


def seed_for_site() -> str:
    """A new seed per run (by how many stories exist), the same for the same database."""
    return f"masthead-corpus-{ArticlePage.objects.count()}"


class Seeder:
    """Builds stories in memory, batch by batch, and hands each batch to `bulk`."""

    def __init__(self, newsroom: Newsroom, rng: random.Random):
        self.newsroom = newsroom
        self.rng = rng
        self.writer = words.CopyWriter(rng)
        self.sections = list(newsroom.sections.values())
        self.weights = [newsroom.shares[section.slug] for section in self.sections]
        self.slugs = {section.pk: set(child_slugs(section)) for section in self.sections}
        self.stream_block = ArticlePage._meta.get_field("body").stream_block

    def publication_dates(self, count: int) -> list:
        """`count` moments over the past SPAN, oldest first, the newest NEWEST_AGE ago."""
        newest = timezone.now().replace(microsecond=0) - NEWEST_AGE
        seconds = SPAN.total_seconds()
        ages = sorted((self.rng.random() * seconds for _ in range(count)), reverse=True)
        if ages:
            ages[-1] = 0.0
        return [newest - timedelta(seconds=int(age)) for age in ages]

    def write_batch(self, dates: list) -> None:
        placed = self.rng.choices(self.sections, weights=self.weights, k=len(dates))
        next_step = {section.pk: last_child_step(section) + 1 for section in set(placed)}
        stories = []
        for section, published_at in zip(placed, dates, strict=True):
            step = next_step[section.pk]
            next_step[section.pk] += 1
            stories.append(self.story(section, step, published_at))
        bulk.write_stories(stories)
        reader_index.add_stories(stories)

    def story(self, section, step: int, published_at):
        topic = words.SECTION_TOPICS.get(section.slug, "politics")
        length = int(self.rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
        copy = self.writer.story(topic, length)
        slug = self.unique_slug(section, copy.headline)
        agency = self.rng.choice(self.newsroom.agencies) if self.rng.random() < 0.4 else None
        story = ArticlePage(
            title=copy.headline,
            draft_title=copy.headline,
            slug=slug,
            path=Page._get_path(section.path, section.depth + 1, step),
            depth=section.depth + 1,
            numchild=0,
            url_path=f"{section.url_path}{slug}/",
            locale_id=section.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            standfirst=copy.standfirst,
            credit_verb=self.rng.choice(words.CREDIT_VERBS) if agency else "reports",
            credit_organisation=agency,
            body=StreamValue(self.stream_block, self.raw_body(copy.blocks), is_lazy=True),
            published_at=published_at,
            first_published_at=published_at,
            last_published_at=published_at,
            latest_revision_created_at=published_at,
            dateline=copy.dateline,
        )
        story.bylines.set(self.bylines(agency))
        tags = self.rng.sample(self.newsroom.tags, self.rng.randint(1, 3))
        # What story.tags.add(*tags) makes, without its lookup of tags by name.
        story.tagged_items.set([ArticleTag(tag=tag) for tag in tags])
        bulk.prepare(story)
        story.refresh_derived_fields()
        return story

    def raw_body(self, blocks) -> list[dict]:
        return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]

    def bylines(self, agency) -> list[ArticleByline]:
        if agency is not None and self.rng.random() < 0.25:
            return []  # agency copy: the credit line is the byline
        reporters = self.rng.sample(self.newsroom.reporters, 2)
        bylines = [ArticleByline(person=reporters[0], role=self.rng.choice(BYLINE_ROLES))]
        if self.rng.random() < 0.2:
            role = self.rng.choice(SECOND_BYLINE_ROLES)
            bylines.append(ArticleByline(person=reporters[1], role=role, sort_order=1))
        bylines[0].sort_order = 0
        return bylines

    def unique_slug(self, section, headline: str) -> str:
        base = slugify(headline)[:SLUG_LENGTH].rstrip("-") or "story"
        if base in RESERVED_SLUGS:
            base = f"{base}-story"
        used = self.slugs[section.pk]
        slug, number = base, 1
        while slug in used:
            number += 1
            slug = f"{base}-{number}"
        used.add(slug)
        return slug


def children(section):
    """The section's children, found by a range of paths (the path index serves it; the
    `startswith` of Wagtail's child_of() is a LIKE that SQLite answers by a full scan)."""
    first = section.path + Page.alphabet[0] * Page.steplen
    last = section.path + Page.alphabet[-1] * Page.steplen
    return Page.objects.filter(path__range=(first, last), depth=section.depth + 1)


def child_slugs(section):
    return children(section).values_list("slug", flat=True).iterator()


def last_child_step(section) -> int:
    """The position of the section's last child in the tree (0 if it has none)."""
    last = children(section).order_by("-path").values_list("path", flat=True).first()
    return Page._str2int(last[-Page.steplen :]) if last else 0
