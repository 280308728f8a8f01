"""The targets (docs/benchmark.md), checked against a run's results: PASS or MISS each."""

from __future__ import annotations

from dataclasses import dataclass

CACHED_VS_NGINX = 0.5  # cached story req/s, as a share of nginx serving the same bytes
UNCACHED_RPS = 300  # uncached story req/s on 2 workers at 10,000 stories
MAX_QUERIES = 8  # SQL queries for any reader page, the same at 1,000 and 100,000 stories
FRESH_SECONDS = 1.0  # from publish until every affected URL shows the change
MAX_RSS_MB = 150  # resident memory per worker after the load
ARCHIVE_SLOWER = 2.0  # an archive page's time, at most this many times its listing's page 1
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


def run_checks(results: dict) -> list[Check]:
    return [
        cached_check(results.get("load", {})),
        uncached_check(results.get("load", {})),
        queries_check(results.get("queries", {})),
        archive_check(results.get("archive", {})),
        fresh_check(results.get("freshness")),
        rss_check(results.get("rss_mb")),
        *yardstick_checks(results.get("yardstick", {}).get("runs", [])),
        *wordpress_checks(results.get("wordpress", [])),
    ]


def cached_check(load: dict) -> Check:
    target = f"cached story >= {CACHED_VS_NGINX} x nginx static"
    if "cached story" not in load or "nginx static" not in load:
        return Check(target, "not measured", None)
    ratio = load["cached story"]["rps"] / load["nginx static"]["rps"]
    return Check(target, f"{ratio:.2f} x", ratio >= CACHED_VS_NGINX)


def uncached_check(load: dict) -> Check:
    target = f"uncached story >= {UNCACHED_RPS} req/s (2 workers)"
    if "uncached story" not in load:
        return Check(target, "not measured", None)
    rps = load["uncached story"]["rps"]
    return Check(target, f"{rps:,.0f} req/s", rps >= UNCACHED_RPS)


def queries_check(queries: dict) -> Check:
    target = f"<= {MAX_QUERIES} SQL queries per reader page, same at every corpus size"
    if not queries:
        return Check(target, "not measured", None)
    sizes = sorted(queries, key=int)
    per_type = {
        page_type: [queries[size]["pages"][page_type]["warm"] for size in sizes]
        for page_type in queries[sizes[0]]["pages"]
    }
    counted = [count for counts in per_type.values() for count in counts if count is not None]
    worst = max(counted, default=0)
    growing = [
        page_type
        for page_type, counts in per_type.items()
        if len({count for count in counts if count is not None}) > 1
    ]
    slow = [page_type for page_type, counts in per_type.items() if None in counts]
    measured = f"at most {worst}"
    if growing:
        measured += f"; differs by size: {', '.join(growing)}"
    if slow:
        measured += f"; no answer in time: {', '.join(slow)}"
    passed = worst <= MAX_QUERIES and not growing and not slow and len(sizes) > 1
    return Check(target, measured, passed)


def fresh_check(freshness: dict | None) -> Check:
    target = f"publish -> every affected URL fresh <= {FRESH_SECONDS:g} s"
    if not freshness:
        return Check(target, "not measured", None)
    seconds = freshness["max_seconds"]
    return Check(target, f"{seconds:.2f} s", seconds <= FRESH_SECONDS)


def rss_check(rss: list[float] | None) -> Check:
    target = f"resident memory <= {MAX_RSS_MB} MB per worker"
    if not rss:
        return Check(target, "not measured", None)
    return Check(target, f"max {max(rss):.0f} MB", max(rss) <= MAX_RSS_MB)


LISTING_PAGES = ("first", "p1000", "last")


def is_listing_page(name: str) -> bool:
    return name.partition(" ")[2] in LISTING_PAGES


def compared_with(name: str, smallest: dict, largest: dict) -> dict | None:
    """What an archive page's time is compared with (None: nothing)."""
    if is_listing_page(name):
        return largest[f"{name.split()[0]} first"]
    return None if name.startswith("sitemap stories-") else smallest.get(name)


def archive_check(archive: dict) -> Check:
    """Archive pages stay flat. A listing's 1,000th and last pages: its first page's number of
    queries, within ARCHIVE_SLOWER times its time. Every page: the same number of queries at
    every corpus size; feeds and sitemaps (not the month parts, whose size is their month's
    stories, at most 50,000): within ARCHIVE_SLOWER times their time at the smallest size."""
    target = (
        f"archive pages flat: same queries at every size and page, <= {ARCHIVE_SLOWER:g} x "
        "page 1's time (feeds, sitemaps: their time at the smallest size)"
    )
    if len(archive) < 2:
        return Check(target, "not measured at two sizes", None)
    sizes = sorted(archive, key=int)
    smallest, largest = archive[sizes[0]], archive[sizes[-1]]
    problems, ratios = [], {}
    for name, page in largest.items():
        base = compared_with(name, smallest, largest)
        if base is not None:
            ratios[name] = page["warm_ms"] / base["warm_ms"]
            if ratios[name] > ARCHIVE_SLOWER:
                problems.append(f"{name} {ratios[name]:.1f} x")
        if is_listing_page(name) and page["warm"] != base["warm"]:
            problems.append(f"{name} {page['warm']} queries")
        for size in sizes[:-1]:
            other = archive[size].get(name)
            if other is not None and other["warm"] != page["warm"]:
                problems.append(f"{name} {other['warm']} -> {page['warm']} queries")
    slowest = max(ratios, key=ratios.get)
    measured = f"at {int(sizes[-1]):,} stories, slowest {slowest} {ratios[slowest]:.1f} x"
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
        ratios = sorted(
            run[top][value] / run[bottom][value]
            for run in runs
            if top in run and bottom in run and run[bottom][value]
        )
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
