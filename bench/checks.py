"""The targets (docs/benchmark.md, issue 14), checked against a run's results: PASS or MISS each.

A full run's results hold one entry per database (results["databases"]["sqlite"], [...]
["postgresql"]), each with its figures per corpus size; `summary` makes of them the rows of the
report's one table: a figure, its target, one cell per database and size, and the verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.databases import SHORT

# The issue-14 targets.
SEARCH_AT = 100_000  # search: the ratios at this corpus size are the target (smaller: reported)
SEARCH_RATIOS = {"p95": 6.0, "p99": 20.0}  # times the median uncached story render, same run
MAX_QUERIES = 8  # SQL queries for any reader page, the same at every corpus size
FRESH_SECONDS = 1.0  # from publish until every affected URL shows the change
MAX_RSS_MB = 150  # resident memory per worker after 10,000 distinct uncached pages
ARCHIVE_SLOWER = 2.0  # an archive page's time, at most this many times its listing's page 1
SEED_STORIES, SEED_SECONDS = 100_000, 600  # seed-corpus: 100,000 stories and their index
# Old absolute targets, now reference lines only (the ratios above replaced them).
CACHED_VS_NGINX = 0.5  # cached story req/s, as a share of nginx serving the same bytes
UNCACHED_RPS = 300  # uncached story req/s on 2 workers at 10,000 stories
WORDPRESS_POSTS_PER_SECOND = 100  # import-wordpress of a generated export (issue 16 item 6)
WORDPRESS_VS_SEED = 0.7  # ... as a share of seed-corpus's stories/s in the same run
WORDPRESS_MAX_RSS_MB = 300  # ... its peak resident memory


@dataclass
class Check:
    target: str
    measured: str
    passed: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "MISS", None: "----"}[self.passed]


# The summary: one row per figure, one cell per database and corpus size -----------------------


@dataclass
class Cell:
    text: str
    margin: float | None = None  # measured against the target, >= 1 passes (the chart's bar)
    passed: bool | None = None  # None: reported beside the target, not held to it


@dataclass
class Row:
    figure: str
    target: str
    cells: dict[tuple[str, int], Cell] = field(default_factory=dict)
    reference: bool = False  # no target: shown for reference

    @property
    def passed(self) -> bool | None:
        held = [cell.passed for cell in self.cells.values() if cell.passed is not None]
        return None if self.reference or not held else all(held)

    @property
    def verdict(self) -> str:
        return "ref" if self.reference else {True: "PASS", False: "MISS", None: "----"}[self.passed]


def at_least(value: float, bound: float) -> tuple[float, bool]:
    return value / bound, value >= bound


def at_most(value: float, bound: float) -> tuple[float, bool]:
    return (bound / value if value else float("inf")), value <= bound


def search_rows(databases: dict) -> list[Row]:
    rows = []
    for name, bound in SEARCH_RATIOS.items():
        row = Row(
            f"search {name} / median uncached story render",
            f"<= {bound:g} x at {SEARCH_AT // 1000}k",
        )
        for database, figures in databases.items():
            for size, result in figures.get("search", {}).items():
                ratio = result["ratios"][name]
                margin, passed = at_most(ratio, bound)
                held = passed if int(size) == SEARCH_AT else None
                row.cells[database, int(size)] = Cell(f"{ratio:.1f} x", margin, held)
        rows.append(row)
    return rows


def yardstick_ratio(runs: list[dict], top: str, bottom: str, value: str) -> list[float]:
    """The ratio top/bottom of `value` in each interleaved run, sorted."""
    return sorted(
        run[top][value] / run[bottom][value]
        for run in runs
        if top in run and bottom in run and run[bottom][value]
    )


def yardstick_rows(databases: dict) -> list[Row]:
    rows = []
    for name, top, bottom, value, higher, bound in YARDSTICK_RATIOS:
        if bound is None:
            continue
        row = Row(name, f"{'>=' if higher else '<='} {bound:g} x")
        for database, figures in databases.items():
            for size, yardstick in figures.get("yardstick", {}).items():
                ratios = yardstick_ratio(yardstick.get("runs", []), top, bottom, value)
                if ratios:
                    ratio = ratios[len(ratios) // 2]
                    margin, passed = (at_least if higher else at_most)(ratio, bound)
                    row.cells[database, int(size)] = Cell(f"{ratio:.2f} x", margin, passed)
        rows.append(row)
    return rows


def archive_at(archive: dict, size: str) -> tuple[str | None, float, list[str]]:
    """At `size`: the slowest archive page against what it is compared with (its listing's
    first page; feeds and sitemaps: their time at the smallest size), that ratio, and what
    misses (too slow, or another number of queries than its listing's first page or than at
    the smallest size)."""
    smallest = archive[min(archive, key=int)]
    pages = archive[size]
    problems, ratios = [], {}
    for name, page in pages.items():
        base = compared_with(name, smallest, pages)
        if base is not None and (base is not page):
            ratios[name] = page["warm_ms"] / base["warm_ms"]
            if ratios[name] > ARCHIVE_SLOWER:
                problems.append(f"{name} {ratios[name]:.1f} x")
        if is_listing_page(name) and base is not None and page["warm"] != base["warm"]:
            problems.append(f"{name} {page['warm']} queries")
        first = smallest.get(name)
        if first is not None and first["warm"] != page["warm"]:
            problems.append(f"{name} {first['warm']} -> {page['warm']} queries")
    slowest = max(ratios, key=ratios.get, default=None)
    return slowest, ratios.get(slowest, 0.0), problems


def archive_row(databases: dict) -> Row:
    row = Row(
        "archive pages: slowest / its base",
        f"<= {ARCHIVE_SLOWER:g} x, same queries",
    )
    for database, figures in databases.items():
        archive = figures.get("archive", {})
        for size in archive:
            slowest, ratio, problems = archive_at(archive, size)
            if slowest is None:
                continue
            text = f"{ratio:.1f} x" + (" !q" if any("queries" in p for p in problems) else "")
            row.cells[database, int(size)] = Cell(text, ARCHIVE_SLOWER / ratio, not problems)
    return row


def queries_row(databases: dict) -> Row:
    row = Row("reader page SQL queries (most of any type)", "same at every size")
    for database, figures in databases.items():
        queries = figures.get("queries", {})
        if not queries:
            continue
        smallest = queries[min(queries, key=int)]["pages"]
        for size, measured in queries.items():
            counts = {kind: page["warm"] for kind, page in measured["pages"].items()}
            if None in counts.values():
                row.cells[database, int(size)] = Cell("timeout", 0.0, False)
                continue
            base = {kind: page["warm"] for kind, page in smallest.items()}
            same = all(base.get(kind) == count for kind, count in counts.items())
            worst = max(counts.values(), default=0)
            passed = None if measured["pages"] is smallest else same and worst <= MAX_QUERIES
            text = f"{worst}" + ("" if same else " (differs)")
            row.cells[database, int(size)] = Cell(text, 1.0 if same else 0.5, passed)
    return row


def memory_row(databases: dict) -> Row:
    row = Row("worker RSS after 10,000 distinct uncached pages", f"<= {MAX_RSS_MB} MB")
    for database, figures in databases.items():
        memory = figures.get("memory")
        if memory and memory.get("readings"):
            rss = max(memory["readings"][-1]["rss_mb"])
            margin, passed = at_most(rss, MAX_RSS_MB)
            size = figures.get("memory_size", 10_000)
            row.cells[database, size] = Cell(f"{rss:.0f} MB", margin, passed)
    return row


def fresh_row(databases: dict) -> Row:
    row = Row("publish -> every affected URL fresh (worst)", f"<= {FRESH_SECONDS:g} s")
    for database, figures in databases.items():
        freshness = figures.get("freshness")
        if freshness:
            seconds = freshness["max_seconds"]
            margin, passed = at_most(seconds, FRESH_SECONDS)
            size = figures.get("freshness_size", 10_000)
            row.cells[database, size] = Cell(f"{seconds:.2f} s", margin, passed)
    return row


def seed_row(databases: dict) -> Row:
    row = Row("seed-corpus: stories and their search index", f"<= {SEED_SECONDS} s at 100k")
    for database, figures in databases.items():
        for size, corpus in figures.get("corpora", {}).items():
            seconds = corpus.get("seconds")
            if seconds is None:
                row.cells[database, int(size)] = Cell("reused")
                continue
            margin, passed = at_most(seconds, SEED_SECONDS)
            held = passed if int(size) == SEED_STORIES else None
            row.cells[database, int(size)] = Cell(
                f"{seconds:,.0f} s", margin if held is not None else None, held
            )
    return row


def reference_rows(databases: dict) -> list[Row]:
    """Figures beside the targets: the old absolute targets, search under load, the times."""
    rows = [
        Row("uncached story req/s (wrk, old target)", f">= {UNCACHED_RPS}", reference=True),
        Row("cached story / nginx (wrk, old target)", f">= {CACHED_VS_NGINX} x", reference=True),
        Row("search under load, req/s (wrk)", "(beside p95/p99)", reference=True),
        Row("search p95, ms", "", reference=True),
        Row("median uncached story render, ms", "", reference=True),
    ]
    for database, figures in databases.items():
        load = figures.get("load", {})
        size = figures.get("load_size", 10_000)
        if "uncached story" in load:
            rows[0].cells[database, size] = Cell(f"{load['uncached story']['rps']:,.0f}")
        if "cached story" in load and load.get("nginx static", {}).get("rps"):
            ratio = load["cached story"]["rps"] / load["nginx static"]["rps"]
            rows[1].cells[database, size] = Cell(f"{ratio:.2f} x")
        if "search" in load:
            rows[2].cells[database, size] = Cell(f"{load['search']['rps']:,.0f}")
        for key, result in figures.get("search", {}).items():
            rows[3].cells[database, int(key)] = Cell(f"{result['search_ms']['p95']:,.0f}")
            rows[4].cells[database, int(key)] = Cell(f"{result['render_median_ms']:,.1f}")
    return rows


def summary(results: dict) -> list[Row]:
    """The rows of the report's table, targets first, then the reference lines."""
    databases = results.get("databases", {})
    return [
        *search_rows(databases),
        *yardstick_rows(databases),
        archive_row(databases),
        queries_row(databases),
        memory_row(databases),
        fresh_row(databases),
        seed_row(databases),
        *reference_rows(databases),
    ]


def run_checks(results: dict) -> list[Check]:
    """One line per target of the summary (each cell shown), then the WordPress import's."""
    found = []
    for row in summary(results):
        if row.reference:
            continue
        cells = "; ".join(
            f"{SHORT[database]} {size:,}: {cell.text}"
            for (database, size), cell in sorted(row.cells.items())
        )
        found.append(Check(f"{row.figure} {row.target}", cells or "not measured", row.passed))
    return found + wordpress_checks(results.get("wordpress", []))


def fresh_check(freshness: dict | None) -> Check:
    target = f"publish -> every affected URL fresh <= {FRESH_SECONDS:g} s"
    if not freshness:
        return Check(target, "not measured", None)
    seconds = freshness["max_seconds"]
    return Check(target, f"{seconds:.2f} s", seconds <= FRESH_SECONDS)


LISTING_PAGES = ("first", "p1000", "last")


def is_listing_page(name: str) -> bool:
    return name.partition(" ")[2] in LISTING_PAGES


def compared_with(name: str, smallest: dict, largest: dict) -> dict | None:
    """What an archive page's time is compared with (None: nothing)."""
    if is_listing_page(name):
        return largest[f"{name.split()[0]} first"]
    # A month's part holds its month's stories (at most 50,000), the news sitemap its two days'
    # (at most 1,000): their size is not the archive's (`bench.inside news-window` compares the
    # news sitemap at equal URLs across corpus sizes).
    bounded = name.startswith("sitemap stories-") or name == "news sitemap"
    return None if bounded else smallest.get(name)


def archive_check(archive: dict) -> Check:
    """Archive pages stay flat. A listing's 1,000th and last pages: its first page's number of
    queries, within ARCHIVE_SLOWER times its time. Every page: the same number of queries at
    every corpus size; feeds and sitemaps (not the month parts nor the news sitemap, whose sizes
    are their month's and two days' stories): within ARCHIVE_SLOWER times their time at the
    smallest size."""
    target = (
        f"archive pages flat: same queries at every size and page, <= {ARCHIVE_SLOWER:g} x "
        "page 1's time (feeds, sitemaps: their time at the smallest size)"
    )
    if len(archive) < 2:
        return Check(target, "not measured at two sizes", None)
    sizes = sorted(archive, key=int)
    slowest, ratio, problems = archive_at(archive, sizes[-1])
    for size in sizes[1:-1]:  # (between: the queries only)
        between = archive_at(archive, size)[2]
        problems += [p for p in between if "queries" in p and p not in problems]
    measured = f"at {int(sizes[-1]):,} stories, slowest {slowest} {ratio:.1f} x"
    if problems:
        measured += "; " + ", ".join(problems)
    return Check(target, measured, not problems)


# The yardstick (bench/yardstick/, issue 14): ratios, each the median of its interleaved runs'.
YARDSTICK_RATIOS = [
    # (target, numerator, denominator, the value compared, at least (True) or at most, bound)
    ("uncached story / yardstick, req/s", "uncached story", "yardstick story", "rps", True, 3),
    ("one at a time, p99 / yardstick's", "uncached single", "yardstick single", "p99_ms", False, 3),
    ("cached story / nginx static, req/s", "cached story", "nginx static", "rps", True, 0.85),
    ("cached story / bare WSGI hello, req/s", "cached story", "hello", "rps", True, 0.9),
    # No target: what granian itself reaches with the cached story's own response (the floor
    # for any Python app sending it), and how much of that the page cache keeps.
    ("replayed story / nginx static, req/s", "replayed story", "nginx static", "rps", True, None),
    ("replayed story / bare WSGI hello, req/s", "replayed story", "hello", "rps", True, None),
    ("cached story / replayed story, req/s", "cached story", "replayed story", "rps", True, None),
]


def yardstick_checks(runs: list[dict]) -> list[Check]:
    """Each ratio of the yardstick step: the median over `runs` (one dict of scenario results
    per interleaved run) of the ratio in each run."""
    checks = []
    for name, top, bottom, value, at_least, target in YARDSTICK_RATIOS:
        bound = (
            "(for reference)" if target is None else f"{'>=' if at_least else '<='} {target:g} x"
        )
        label = f"{name} {bound}"
        ratios = yardstick_ratio(runs, top, bottom, value)
        if not ratios:
            checks.append(Check(label, "not measured", None))
            continue
        ratio = ratios[len(ratios) // 2]
        passed = None if target is None else ratio >= target if at_least else ratio <= target
        shown = ", ".join(f"{each:.2f}" for each in ratios)
        checks.append(Check(label, f"{ratio:.2f} x (runs: {shown})", passed))
    return checks


def wordpress_checks(results: list[dict]) -> list[Check]:
    """Per database: posts/s, the ratio to seed-corpus, peak RSS of the WordPress import."""
    found = []
    for result in results:
        name = f"import-wordpress ({result['database']}, {result['posts']:,} posts)"
        rate, ratio, rss = result["posts_per_second"], result["ratio"], result["peak_rss_mb"]
        found += [
            Check(
                f"{name} >= {WORDPRESS_POSTS_PER_SECOND} posts/s",
                f"{rate:,.1f} posts/s",
                rate >= WORDPRESS_POSTS_PER_SECOND,
            ),
            Check(
                f"{name} >= {WORDPRESS_VS_SEED} x seed-corpus",
                f"{ratio:.2f} x ({result['stories_per_second']:,.1f} stories/s)",
                ratio >= WORDPRESS_VS_SEED,
            ),
            Check(
                f"{name} peak RSS <= {WORDPRESS_MAX_RSS_MB} MB",
                f"{rss} MB",
                rss <= WORDPRESS_MAX_RSS_MB,
            ),
        ]
    return found
