"""The bench's yardstick step (`python -m bench --only yardstick`, and part of `make bench`).

On the --stories corpus: the yardstick site is built from the corpus's own stories (`python -m
bench.inside export`), then Masthead (`masthead serve`), the yardstick and the bare "hello" app
(granian, the same workers and threads), nginx (the bytes of a Masthead story page) and granian
replaying the cached story's response (bench/yardstick/replay.py: the floor for Python) are
started side by side, and each scenario is measured once per round, for --runs interleaved
rounds; every ratio is the median of its rounds' ratios (bench/checks.py, yardstick_checks).

The corpus is --stories' SQLite one unless given (the full run: each database's, at each
--yardstick-sizes size); on PostgreSQL, the yardstick's database is the corpus's with _yardstick
(bench_10000_yardstick), its home --home/pgyardstickN. YARDSTICK_DATABASE_URL puts a SQLite
corpus's yardstick in that database instead.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from bench import load
from bench.databases import SQLITE, Corpus, corpus, ensure_database
from bench.processes import MastheadServer, Nginx
from bench.yardstick import replay
from bench.yardstick.serve import Granian, build, story_paths, yardstick_env

BYPASS = {"Cookie": "sessionid=bench"}  # Masthead's page cache steps aside for a session cookie


def yardstick_of(masthead: Corpus, top: Path) -> tuple[Path, str | None]:
    """The yardstick's home (under `top`) and database URL for a Masthead corpus."""
    if masthead.database == SQLITE:
        return top / f"yardstick{masthead.size}", os.environ.get("YARDSTICK_DATABASE_URL")
    return top / f"pgyardstick{masthead.size}", f"{masthead.url}_yardstick"


def prepare(options, inside, say, masthead: Corpus) -> tuple[Path, str | None]:
    """The yardstick's home and database, built with the corpus's stories."""
    home, size = masthead.home, masthead.size
    yard, url = yardstick_of(masthead, options.home)
    source = home / "stories.jsonl"
    if not source.exists() or sum(1 for _ in source.open()) < size:
        say(f"yardstick: exporting the stories of {home.name}")
        inside(home, "export", str(source), env=masthead.env)
    if url:
        ensure_database(url)
    say(f"yardstick: building {size:,} stories in {yard} (reused when it has them)")
    started = time.monotonic()
    build(yard, size, source, url, say=say)
    say(f"yardstick: built or reused in {time.monotonic() - started:,.0f} s")
    return yard, url


def scenarios(
    masthead, yardstick, hello, replayed, nginx, urls, paths
) -> list[tuple[load.Scenario, bool]]:
    """Each scenario, and whether it runs one request at a time."""
    story, stories = urls["story"], urls["stories"]
    return [
        (load.Scenario("nginx static", nginx.origin, "/page.html"), False),
        (load.Scenario("cached story", masthead.origin, story), False),
        (load.Scenario("replayed story", replayed.origin, "/"), False),
        (load.Scenario("hello", hello.origin, "/"), False),
        (load.Scenario("uncached story", masthead.origin, stories[0], stories, BYPASS), False),
        (load.Scenario("yardstick story", yardstick.origin, paths[0], paths), False),
        (load.Scenario("uncached single", masthead.origin, stories[0], stories, BYPASS), True),
        (load.Scenario("yardstick single", yardstick.origin, paths[0], paths), True),
    ]


def measure(options, inside, fetch, say, masthead: Corpus | None = None) -> dict:
    masthead = masthead or corpus(options.home, SQLITE, options.stories)
    home = masthead.home
    yard, url = prepare(options, inside, say, masthead)
    urls = inside(home, "urls", env=masthead.env)
    every = story_paths(yard, url)
    paths = random.Random(7).sample(every, min(len(urls["stories"]), len(every)))  # noqa: S311
    many = load.Settings(options.threads, options.connections, options.seconds, 1)
    single = load.Settings(1, 1, options.seconds, 1)
    env = yardstick_env(yard, url)
    log = options.home / "yardstick.log"
    with tempfile.TemporaryDirectory(prefix="masthead-yardstick-") as temp:
        workdir = Path(temp)
        masthead = MastheadServer(
            home, options.workers, log=options.home / "serve.log", env=masthead.env
        )
        yardstick = Granian("bench.yardstick.wsgi:application", env, options.workers, log=log)
        hello = Granian("bench.yardstick.hello:application", env, options.workers, log=log)
        servers = [masthead, yardstick, hello]
        nginx = None
        try:
            masthead.start()
            yardstick.start(paths[0])
            hello.start("/")
            page, headers = fetch(masthead.origin + urls["story"])
            nginx = Nginx(workdir, page, workers=options.workers)
            nginx.start()
            replay.record(workdir / "replay.json", headers.items(), page)
            replayed = Granian(
                "bench.yardstick.replay:application",
                {**env, "BENCH_REPLAY": str(workdir / "replay.json")},
                options.workers,
                log=log,
            )
            servers.append(replayed)
            replayed.start("/")
            say(
                f"yardstick: Masthead {masthead.origin}, yardstick {yardstick.origin}, hello "
                f"{hello.origin}, nginx {nginx.origin} ({len(page):,} bytes page)"
            )
            plan = scenarios(masthead, yardstick, hello, replayed, nginx, urls, paths)
            for scenario, _ in plan:
                for path in [*scenario.paths[:3], scenario.path, scenario.path]:
                    fetch(scenario.origin + path, scenario.headers)
            runs = []
            for number in range(1, options.runs + 1):
                say(f"yardstick: round {number}/{options.runs}")
                results = {}
                for scenario, one_at_a_time in plan:
                    for server in servers:
                        server.settle(60)
                    settings = single if one_at_a_time else many
                    results[scenario.name] = vars(load.measure(scenario, settings, workdir, say))
                runs.append(results)
        finally:
            if nginx is not None:
                nginx.stop()
            for server in servers:
                server.stop()
    return {"stories": len(every), "page_bytes": len(page), "runs": runs}
