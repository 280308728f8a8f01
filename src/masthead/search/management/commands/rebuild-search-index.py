"""`masthead rebuild-search-index`: the reader index again from the live, public stories."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from masthead.articles.queries import public_stories
from masthead.core.progress import progress_bar
from masthead.search import index


class Command(BaseCommand):
    help = (
        "Rebuild the reader search index (docs/search.md) from the live, public stories, in one "
        "transaction: readers see the old index until the new one is complete."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        total = public_stories().count()
        with (
            progress_bar(
                self.stderr, "Indexing stories", total, shown=options["verbosity"] > 0
            ) as progress,
            transaction.atomic(),
        ):
            index.rebuild(progress)
        self.stdout.write(
            f"Indexed {index.size():,} live, public stories in "
            f"{time.perf_counter() - started:.1f} s."
        )
