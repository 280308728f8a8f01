"""Reader search against the uncached story render, in one run (`python -m bench --only search`).

For a corpus (SQLite in --home, or PostgreSQL with --database-url), one process renders a
sample of distinct stories past the page cache, then runs the mixed query set one at a time,
three rounds, then the stories again, all through Django's test client (no server, no network):
the figures are the median story render and the p50/p95/p99 of the searches, and their ratios.
The query set: common single words ("the", a stop word, and "said"), a headline's last word,
two- and three-word queries, quoted phrases, words that match nothing and long pasted sentences
(from the corpus's own stories). A search stopped by the time limit counts at its time, as a 503.

    python -m bench --only search --stories 10000
    python -m bench --only search --stories 10000 --database-url postgres://.../db
    python -m bench.search measure      # inside: MASTHEAD_HOME (and DATABASE_URL) set
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORY_SAMPLE = 150
ROUNDS = 3
BYPASS = {"HTTP_COOKIE": "sessionid=bench"}  # the page cache steps aside for a session cookie
TARGETS = {"p95": 6.0, "p99": 20.0}  # times the median uncached story render (issue 14)

FIXED_QUERIES = [
    ("common", "the"),
    ("common", "said"),
    ("common", "government"),
    ("common", "minister"),
    ("two words", "pakistan cabinet"),
    ("two words", "security pact"),
    ("two words", "interest rates"),
    ("three words", "prime minister office"),
    ("three words", "central bank rates"),
    ("phrase", '"prime minister"'),
    ("phrase", '"anti-corruption bill"'),
    ("phrase", '"the central bank"'),
    ("nothing", "xylophonic quasar"),
    ("nothing", "zzqx"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def corpus_queries(stories, rng) -> list[tuple[str, str]]:
    """Rare words and long pasted sentences from the corpus's own stories."""
    from masthead.articles.body_facts import body_facts

    queries = []
    for story in rng.sample(stories, 4):
        queries.append(("headline word", story.title.split()[-1]))
    for story in rng.sample(stories, 4):
        words = body_facts(story.body).words.split()
        start = rng.randrange(max(1, len(words) - 40))
        queries.append(("pasted", " ".join(words[start : start + 35])))
    return queries


def measure() -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from masthead.articles.models import ArticlePage

    rng = random.Random(14)  # noqa: S311 (a sample, not a secret)
    pks = list(ArticlePage.objects.live().values_list("pk", flat=True))
    stories = list(ArticlePage.objects.filter(pk__in=rng.sample(pks, min(STORY_SAMPLE, len(pks)))))
    client = Client(HTTP_HOST=os.environ.get("BENCH_HOST", "127.0.0.1"))
    urls = [story.get_url() for story in stories]
    queries = FIXED_QUERIES + corpus_queries(stories, rng)

    def timed(path, params=None) -> tuple[float, int]:
        started = time.perf_counter()
        response = client.get(path, params or {}, **BYPASS)
        return time.perf_counter() - started, response.status_code

    for url in urls[:5]:
        timed(url)  # warm the process's caches, as a running server has them
    renders = [timed(url)[0] for url in urls[5:]]
    searches, per_query, unavailable = [], {}, 0
    for _ in range(ROUNDS):
        for kind, query in queries:
            seconds, status = timed("/search/", {"q": query})
            searches.append(seconds)
            per_query.setdefault(f"{kind}: {query[:50]}", []).append(seconds)
            unavailable += status == 503
    renders += [timed(url)[0] for url in urls[5:]]
    render = statistics.median(renders)
    explain = {query: plan_of(query) for query in (stories[0].title, "said")}
    figures = {
        name: percentile(searches, share)
        for name, share in [("p50", 0.5), ("p95", 0.95), ("p99", 0.99)]
    }
    return {
        "database": connection.vendor,
        "stories": len(pks),
        "render_median_ms": render * 1000,
        "search_ms": {name: value * 1000 for name, value in figures.items()},
        "ratios": {name: value / render for name, value in figures.items()},
        "searches": len(searches),
        "answered_503": unavailable,
        "per_query_median_ms": {q: statistics.median(v) * 1000 for q, v in per_query.items()},
        "explain": explain,
    }


def plan_of(raw: str) -> list[str]:
    """EXPLAIN ANALYZE of the search for `raw` (PostgreSQL: does the match use the GIN index?)."""
    from django.db import connection

    from masthead.search import engine
    from masthead.search.query import clean_query

    sql, parameters = engine.statement(engine.plan(clean_query(raw)), 1, datetime.now(UTC))
    postgresql = connection.vendor == "postgresql"
    explain = "EXPLAIN (ANALYZE, COSTS OFF) " if postgresql else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql, parameters)
        return [" ".join(str(part) for part in row) for row in cursor.fetchall()]


def lines(result: dict) -> list[str]:
    out = [
        f"search, {result['database']}, {result['stories']:,} stories: "
        f"median uncached story render {result['render_median_ms']:.1f} ms",
    ]
    for name in ("p50", "p95", "p99"):
        ratio = result["ratios"][name]
        target = TARGETS.get(name)
        verdict = (
            ""
            if target is None
            else f"  target ≤ {target:g}×  {'PASS' if ratio <= target else 'MISS'}"
        )
        out.append(
            f"  search {name}: {result['search_ms'][name]:7.1f} ms = {ratio:5.2f}× render{verdict}"
        )
    out.append(f"  {result['searches']} searches, {result['answered_503']} answered 503")
    for query, ms in sorted(result["per_query_median_ms"].items(), key=lambda item: -item[1]):
        out.append(f"    {ms:8.1f} ms  {query}")
    for query, plan in result.get("explain", {}).items():
        out += [f"  plan of the search for {query!r}:", *(f"    {line}" for line in plan)]
    return out


def run(home: Path, stories: int, database_url: str | None, say) -> dict:
    """Build (or reuse) the corpus, then measure in a process of its own."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["MASTHEAD_HOME"] = str(home)
    if database_url:
        env["DATABASE_URL"] = database_url
    home.mkdir(parents=True, exist_ok=True)
    masthead = str(Path(sys.executable).with_name("masthead"))
    subprocess.run([masthead, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    have = int(
        subprocess.run(  # noqa: S603 (our own command)
            [
                masthead,
                "shell",
                "-c",
                "from masthead.articles.models import ArticlePage as A; print(A.objects.count())",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    if have < stories:
        say(f"seeding {stories - have:,} stories (the corpus has {have:,})")
        command = [masthead, "seed-corpus", "--stories", str(stories - have)]
        subprocess.run(command, env=env, check=True)  # noqa: S603 (our own command)
    say(f"measuring search on {max(have, stories):,} stories")
    output = subprocess.run(  # noqa: S603 (our own module)
        [sys.executable, "-m", "bench.search", "measure"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def only_search(options, say) -> None:
    database = "postgresql" if options.database_url else "sqlite"
    home = options.home / (
        f"c{options.stories}" if not options.database_url else f"pg{options.stories}"
    )
    result = run(home, options.stories, options.database_url, say)
    for line in lines(result):
        say(line)
    out = ROOT / "bench" / "results" / f"search-{database}-{options.stories}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    say(f"written: {out}")


if __name__ == "__main__" and sys.argv[1:] == ["measure"]:
    print(json.dumps(measure()))
