"""The bench's one summary table (bench/checks.py summary, bench/report.py summary_table): every
issue-14 target beside each database's figure at each corpus size, with PASS or MISS, from a
small fixed set of results (no timing)."""

from bench.checks import run_checks, summary
from bench.report import summary_table


def search(p95: float, p99: float) -> dict:
    return {
        "render_median_ms": 20.0,
        "search_ms": {"p50": 30.0, "p95": 20.0 * p95, "p99": 20.0 * p99},
        "ratios": {"p50": 1.5, "p95": p95, "p99": p99},
    }


def page(queries: int, ms: float) -> dict:
    return {"url": "/", "status": 200, "warm": queries, "warm_ms": ms}


def archive(last_ms: float = 110.0) -> dict:
    return {"section first": page(2, 100.0), "section last": page(2, last_ms), "feed": page(6, 50)}


def queries(story: int) -> dict:
    return {"pages": {"story": {"warm": story}, "home": {"warm": 5}}}


def wrk(rps: float, p99: float = 10.0) -> dict:
    return {"rps": rps, "p50_ms": 5.0, "p99_ms": p99}


def yardstick(uncached: float) -> dict:
    run = {
        "uncached story": wrk(uncached),
        "yardstick story": wrk(100),
        "uncached single": wrk(50, 20.0),
        "yardstick single": wrk(40, 10.0),
        "cached story": wrk(9_000),
        "nginx static": wrk(10_000),
        "hello": wrk(9_500),
    }
    return {"stories": 10_000, "runs": [run]}


def results() -> dict:
    sqlite = {
        "corpora": {
            "1000": {"built": "reused", "seconds": None},
            "100000": {"built": "Added 100,000 stories in 540.0 s", "seconds": 540.0},
        },
        "search": {"1000": search(9.0, 12.0), "100000": search(4.0, 15.0)},
        "yardstick": {"100000": yardstick(350)},
        "archive": {"1000": archive(), "100000": archive()},
        "queries": {"1000": queries(6), "100000": queries(6)},
        "memory": {"readings": [{"rss_mb": [90.0, 95.0]}, {"rss_mb": [120.0, 140.0]}]},
        "freshness": {"max_seconds": 0.4},
        "load": {"uncached story": wrk(250), "nginx static": wrk(10_000), "search": wrk(80)},
    }
    postgresql = {
        "corpora": {"1000": {"built": "reused", "seconds": None}},
        "search": {"1000": search(3.0, 5.0), "100000": search(7.5, 30.0)},
        "yardstick": {"100000": yardstick(250)},
        "archive": {"1000": archive(), "100000": archive(last_ms=250.0)},
        "queries": {"1000": queries(6), "100000": queries(7)},
    }
    return {
        "sizes": [1000, 10000, 100000],
        "databases": {"sqlite": sqlite, "postgresql": postgresql},
    }


def row(table: list[str], start: str) -> str:
    return next(line for line in table if line.startswith(start))


def test_each_target_shows_every_database_and_size_beside_it_and_its_verdict():
    rows = summary(results())
    table = summary_table(results(), rows)
    assert table[0].split()[:2] == ["figure", "target"]
    columns = ["SQLite 1k", "SQLite 10k", "SQLite 100k", "PG 1k", "PG 10k", "PG 100k"]
    assert " ".join(table[0].split()[2:]) == " ".join([*columns, "verdict"])
    # Search: held to the target at 100k only; 9.0 x at 1k is reported, not a miss.
    p95 = row(table, "search p95")
    assert "<= 6 x at 100k" in p95 and "7.5 x*" in p95 and p95.endswith("MISS")
    assert "9.0 x " in p95 and "9.0 x*" not in p95
    p99 = row(table, "search p99")
    assert "30.0 x*" in p99 and p99.endswith("MISS")
    uncached = row(table, "uncached story / yardstick")
    assert "3.50 x" in uncached and "2.50 x*" in uncached and uncached.endswith("MISS")
    assert row(table, "cached story / nginx static").endswith("PASS")  # 0.90 >= 0.85
    assert row(table, "cached story / bare WSGI hello").endswith("PASS")  # 0.95
    archive_line = row(table, "archive pages")
    assert "2.5 x*" in archive_line and archive_line.endswith("MISS")
    queries_line = row(table, "reader page SQL queries")
    assert "7 (differs)*" in queries_line and queries_line.endswith("MISS")
    assert row(table, "worker RSS").endswith("PASS") and "140 MB" in row(table, "worker RSS")
    assert row(table, "publish -> every").endswith("PASS")
    seed = row(table, "seed-corpus")
    assert "reused" in seed and "540 s" in seed and seed.endswith("PASS")
    old = row(table, "uncached story req/s (wrk, old target)")
    assert "250" in old and old.endswith("ref")  # below the old 300: no longer a miss


def test_a_run_without_postgresql_or_a_figure_says_so():
    only_sqlite = results()
    del only_sqlite["databases"]["postgresql"]
    table = summary_table(only_sqlite, summary(only_sqlite))
    assert "PG" not in table[0]
    assert row(table, "search p95").endswith("PASS")
    checks = {check.target.split(" <=")[0].split(" >=")[0]: check for check in run_checks({})}
    assert {check.verdict for check in checks.values()} == {"----"}
    assert all(check.measured == "not measured" for check in checks.values())
