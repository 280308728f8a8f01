"""After a bulk load on PostgreSQL, a listing's page deep in the archive reads its list's index
alone (articles/bulk.py `refresh_statistics`)."""

import pytest
from django.db import connection, transaction

from masthead.articles import archive, bulk
from masthead.articles.lists import ArchiveList
from masthead.articles.models import ArticlePage
from masthead.articles.totals import ArchiveTotal
from masthead.demo.corpus import seed_corpus


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # (VACUUM runs outside a
# transaction: the load must commit)
def test_a_deep_page_of_a_section_skips_its_offset_in_the_index_alone(monkeypatch):
    """Every row the OFFSET skips was read from the table where the memberships' pages were
    not all-visible (autovacuum off, or not yet round): a section's 1,000th page took 22 ms
    against its first page's 6 at 100,000 stories on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's visibility map")
    monkeypatch.setattr(bulk, "ANALYZE_AFTER", 5)  # (1,000 stories in a real load)
    seed_corpus(60, seed="vacuum", batch_size=30)
    section = ArchiveTotal.objects.filter(kind=archive.SECTION).order_by("-count").first()
    deep_page = ArchiveList(archive.SECTION, section.ref, ArticlePage.objects.all())
    sql, params = deep_page.ids(slice(40, 50)).query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # (At 60 stories the planner would rather read the whole table: as at 100,000, the index.)
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan" in plan and "Heap Fetches: 0" in plan, plan
