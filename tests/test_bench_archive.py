"""The benchmark's archive target (bench/checks.py): what makes archive pages PASS or MISS."""

from bench.checks import archive_check
from bench.report import archive_table


def page(queries: int, ms: float) -> dict:
    return {"url": "/", "status": 200, "warm": queries, "warm_ms": ms}


def corpus(last_ms=110.0, feed_queries=6, sitemap_ms=400.0) -> dict:
    return {
        "section first": page(2, 100.0),
        "section p1000": page(2, 150.0),
        "section last": page(2, last_ms),
        "feed": page(feed_queries, 300.0),
        "sitemap": page(7, sitemap_ms),
        "sitemap stories-2026-11": page(2, 5_000.0),  # a month part: its own size, not compared
    }


def test_flat_archive_pages_pass_and_the_table_shows_each_size():
    archive = {"1000": corpus(), "100000": corpus(sitemap_ms=700.0)}
    check = archive_check(archive)
    assert check.verdict == "PASS", check.measured
    table = archive_table(archive)
    assert "100,000" in table[1]
    assert any(line.startswith("section last") and "2 / 110" in line for line in table)


def test_a_slow_last_page_a_growing_query_count_or_a_slow_sitemap_miss():
    slow_last = archive_check({"1000": corpus(), "100000": corpus(last_ms=250.0)})
    assert slow_last.verdict == "MISS" and "section last 2.5 x" in slow_last.measured
    growing = archive_check({"1000": corpus(), "100000": corpus(feed_queries=7)})
    assert growing.verdict == "MISS" and "feed 6 -> 7 queries" in growing.measured
    slow_index = archive_check({"1000": corpus(), "100000": corpus(sitemap_ms=900.0)})
    assert slow_index.verdict == "MISS" and "sitemap 2.2 x" in slow_index.measured


def test_one_size_is_not_a_measurement():
    assert archive_check({"1000": corpus()}).verdict == "----"


def test_the_news_sitemap_is_held_to_its_queries_not_to_its_time_at_a_small_archive():
    """Its size is its two days' stories (at most 1,000), which a small corpus has few of: it
    is compared at equal URLs by `bench.inside news-window`, not against 1,000 stories' time."""
    small, large = corpus(), corpus()
    small["news sitemap"], large["news sitemap"] = page(2, 4.0), page(2, 25.0)
    assert archive_check({"1000": small, "100000": large}).verdict == "PASS"
    large["news sitemap"] = page(3, 25.0)
    growing = archive_check({"1000": small, "100000": large})
    assert growing.verdict == "MISS" and "news sitemap 2 -> 3 queries" in growing.measured
