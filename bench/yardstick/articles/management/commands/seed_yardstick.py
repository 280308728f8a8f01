"""`seed_yardstick --stories N`: the yardstick site with N article pages under one index page.

The copy comes from Masthead's corpus word generator (masthead.demo.corpus.words, plain Python,
the same story lengths as `masthead seed-corpus`), or with `--from FILE` from the JSON lines
that `python -m bench.inside export FILE` writes out of a Masthead corpus (title, intro, body
HTML), so both sites serve the same words. Pages are created with their tree paths computed, in
batches (no per-page tree lookups); a site that has stories already gets only the missing ones.
"""

import importlib.util
import json
import random
import uuid
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from bench.yardstick.articles.models import ArticleIndexPage, ArticlePage
from bench.yardstick.copy import body_html

# The story lengths of `masthead seed-corpus` (masthead.demo.corpus.seed): words per story.
MIN_WORDS, MODE_WORDS, MAX_WORDS = 300, 600, 1500
BATCH = 500


def corpus_words():
    """masthead.demo.corpus.words, loaded from its file: its package would load Masthead's
    models, which are no part of this site."""
    location = importlib.util.find_spec("masthead").submodule_search_locations[0]
    path = Path(location) / "demo" / "corpus" / "words.py"
    spec = importlib.util.spec_from_file_location("yardstick_corpus_words", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated(count: int, seed: int):
    """(title, intro, body HTML) of `count` made-up stories."""
    words = corpus_words()
    rng = random.Random(seed)  # noqa: S311 (made-up copy)
    writer = words.CopyWriter(rng)
    topics = sorted(set(words.SECTION_TOPICS.values()))
    for _ in range(count):
        copy = writer.story(
            rng.choice(topics), int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS))
        )
        yield copy.headline, copy.standfirst, body_html(copy.blocks)


def from_file(path: Path, skip: int, count: int):
    with path.open() as lines:
        for number, line in enumerate(lines):
            if number < skip:
                continue
            if number >= skip + count:
                return
            try:
                story = json.loads(line)
                yield story["title"], story["intro"], story["body"]
            except (ValueError, KeyError) as error:
                raise CommandError(f"{path}, line {number + 1}: not a story ({error})") from error


def ensure_index() -> ArticleIndexPage:
    """The index page at the root of the default site (Wagtail's welcome page replaced)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and isinstance(site.root_page.specific, ArticleIndexPage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    index = root.add_child(instance=ArticleIndexPage(title="News", slug="news", intro=""))
    if site is None:
        Site.objects.create(hostname="localhost", root_page=index, is_default_site=True)
    else:
        old = site.root_page
        site.root_page = index
        site.save()
        if old.depth > 1:
            old.delete()
    return ArticleIndexPage.objects.get(pk=index.pk)


class Command(BaseCommand):
    help = "Build the yardstick site with --stories article pages (adds the missing ones)."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True)
        parser.add_argument("--from", dest="source", type=Path, help="JSON lines of stories")
        parser.add_argument("--seed", type=int, default=14)

    def handle(self, *args, stories, source, seed, **options):
        if source is not None and not source.is_file():
            raise CommandError(f"--from {source}: no such file")
        index = ensure_index()
        have = ArticlePage.objects.child_of(index).count()
        missing = max(stories - have, 0)
        copy = from_file(source, have, missing) if source else generated(missing, seed + have)
        now = timezone.now()
        batch = []
        for number, (title, intro, body) in enumerate(copy, start=have + 1):
            batch.append(
                self.page(index, number, title, intro, body, now - timedelta(hours=number))
            )
            if len(batch) == BATCH:
                self.write(index, batch)
                self.stdout.write(f"{number:,} stories")
                batch = []
        self.write(index, batch)
        total = ArticlePage.objects.child_of(index).count()
        self.stdout.write(f"yardstick: {total:,} stories")

    def page(self, index, number, title, intro, body, published) -> ArticlePage:
        slug = f"{slugify(title)[:60].strip('-')}-{number}"
        return ArticlePage(
            title=title,
            draft_title=title,
            slug=slug,
            path=Page._get_path(index.path, index.depth + 1, number),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            intro=intro,
            body=body,
            first_published_at=published,
            last_published_at=published,
        )

    @transaction.atomic
    def write(self, index, pages: list[ArticlePage]) -> None:
        for page in pages:
            page.save(clean=False)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
        index.numchild += len(pages)
