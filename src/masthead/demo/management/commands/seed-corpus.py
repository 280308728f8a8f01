"""`masthead seed-corpus --stories N`: add N made-up stories, fast (see docs/corpus.md)."""

from django.core.management.base import BaseCommand, CommandError

from masthead.core.progress import progress_bar
from masthead.demo.corpus import seed_corpus
from masthead.demo.corpus.newsroom import NotANewsSite
from masthead.demo.corpus.seed import BATCH_SIZE


class Command(BaseCommand):
    help = (
        "Add N made-up, published stories (with the sections, people and tags they need) for "
        "load tests and demos. Run again, it adds N more."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, required=True, help="how many stories to add")
        parser.add_argument("--seed", help="seed of the random copy (default: one per run)")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="stories a batch")

    def handle(self, *args, stories, seed, batch_size, **options):
        if stories < 0 or batch_size < 1:
            raise CommandError("--stories must be 0 or more and --batch-size 1 or more.")
        try:
            with progress_bar(
                self.stderr, "Seeding stories", stories, shown=options["verbosity"] > 0
            ) as progress:
                result = seed_corpus(stories, seed=seed, progress=progress, batch_size=batch_size)
        except NotANewsSite as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Added {result.added:,} stories in {result.seconds:.1f} s "
            f"({result.rate:,.0f} stories/s); the site has {result.total:,} stories."
        )
