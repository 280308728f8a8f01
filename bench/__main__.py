"""`python -m bench` (`make bench`): every issue-14 target, SQLite and PostgreSQL, three sizes.

Steps, each announced as it starts; the report (bench/results/) is written again after each:

1. corpora: for each database (SQLite; with --database-url postgres://.../BASE also
   PostgreSQL, databases BASE_1000, BASE_10000, ...) and each --sizes size, a corpus in its own
   home under --home (cN, pgN), built once (`masthead seed-corpus`, timed) and reused;
2. per database and size: the SQL queries of each reader page type, the archive pages (first,
   1,000th and last pages of the largest listings, feeds, sitemaps; bench.inside archive), and
   search against the uncached story render (bench/search.py);
3. per database, at each --yardstick-sizes size: the yardstick (bench/yardstick/; alone: `--only
   yardstick`), Masthead beside a minimal Wagtail site with the same stories, a bare WSGI
   "hello" and nginx, measured in --runs interleaved rounds, for ratios;
4. on SQLite at --stories: wrk against `masthead serve --workers 2` and nginx (median of --runs
   runs of --seconds seconds), the search URLs among the scenarios; the workers' memory over
   --memory-pages distinct uncached pages (bench/memory.py); publish to fresh
   (bench/freshness.py; alone: `--only freshness`);
5. the WordPress import (bench/wordpress_import.py; alone: `--only wordpress`), unless
   --wordpress-posts 0;
6. the report: one summary table (each target, its figure per database and size, PASS/MISS),
   the detail tables, and one chart (bench/results/chart.png).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench import checks, databases, freshness, load, memory, report, search, wordpress_import
from bench.databases import POSTGRESQL, SQLITE, Corpus, corpus
from bench.processes import (
    MastheadServer,
    Nginx,
    masthead_command,
    masthead_env,
    rss_mb,
)
from bench.yardstick import step as yardstick

ROOT = Path(__file__).resolve().parent.parent
BYPASS = {"Cookie": "sessionid=bench"}  # the page cache steps aside for a session cookie
STARTED = time.monotonic()


def say(text: str) -> None:
    elapsed = time.monotonic() - STARTED
    for line in text.splitlines() or [""]:
        print(f"[{elapsed:6.0f} s] {line}" if line else "", flush=True)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument(
        "--stories", type=int, default=10_000, help="corpus for the load, memory and freshness"
    )
    parser.add_argument(
        "--sizes", default="1000,10000,100000", help="corpora for queries, archive and search"
    )
    parser.add_argument(
        "--yardstick-sizes", default="10000,100000", help="corpora for the yardstick, SQLite"
    )
    parser.add_argument(
        "--pg-yardstick-sizes",
        default="10000,100000",
        help="corpora for the yardstick, PostgreSQL ('' for none)",
    )
    parser.add_argument(
        "--memory-pages", type=int, default=10_000, help="distinct uncached pages for memory"
    )
    parser.add_argument("--seconds", type=int, default=10, help="length of one wrk run")
    parser.add_argument("--runs", type=int, default=3, help="wrk runs per scenario (median)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--page-timeout", type=float, default=300, help="seconds for one page's query count"
    )
    parser.add_argument("--trials", type=int, default=20, help="publishes per freshness setup")
    parser.add_argument(
        "--only",
        choices=["freshness", "archive", "search", "yardstick", "wordpress"],
        help="run this step alone (freshness, search, yardstick: on the --stories corpus; "
        "archive: on the --sizes corpora that exist, as they are; wordpress: its own homes)",
    )
    parser.add_argument(
        "--wordpress-posts",
        type=int,
        default=100_000,
        help="posts of the WordPress import step (and as many seed-corpus stories); 0 skips it",
    )
    parser.add_argument(
        "--database-url",
        help="postgres://USER@HOST:PORT/BASE: the full run measures on PostgreSQL too, one "
        "database per size (BASE_1000, ...; made when missing, reused); --only search: the "
        "corpus in this database instead; --only yardstick: the --stories corpus of BASE_N and "
        "its yardstick in BASE_N_yardstick; the WordPress step: on BASE_wordpress (made afresh)",
    )
    return parser.parse_args()


# Tools and corpora -----------------------------------------------------------------------------


def ensure_tools() -> None:
    """wrk and nginx from Debian's packages, as .ci/run installs its tools."""
    tools = {"wrk": "wrk", "nginx": "nginx-light"}
    missing = [package for tool, package in tools.items() if not shutil.which(tool)]
    if missing:
        say(f"installing {', '.join(missing)} (apt-get)")
        subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)  # noqa: S603, S607


def inside(home: Path, *command: str, timeout: float | None = None, env=None) -> dict:
    """Run `python -m bench.inside COMMAND` for the corpus in `home`; its JSON answer."""
    output = subprocess.run(  # noqa: S603 (our own module)
        [sys.executable, "-m", "bench.inside", *command],
        cwd=ROOT,
        env=masthead_env(home, **(env or {})),
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


SEEDED = re.compile(r"Added ([\d,]+) stories in ([\d.]+) s")


def wait_while_growing(home: Path, have: int, stories: int, env: dict, quiet: float = 90) -> int:
    """A corpus short of `stories` that another process is still seeding (its count grew in
    the last `quiet` seconds) is waited for, not seeded a second time; its count then."""
    while have < stories:
        time.sleep(quiet)
        now = inside(home, "count", env=env)["stories"]
        if now == have:
            break
        say(f"corpus {home.name}: {now:,} stories and growing (another seed-corpus): waiting")
        have = now
    return have


def ensure_corpus(home: Path, stories: int, env: dict | None = None) -> dict:
    """The corpus in `home` (and env's DATABASE_URL) with at least `stories` stories: how it
    was built ("built" the line of seed-corpus, "seconds" its time; None when reused)."""
    home.mkdir(parents=True, exist_ok=True)
    if env and env.get("DATABASE_URL") and databases.ensure_database(env["DATABASE_URL"]):
        say(f"corpus {home.name}: made the database {env['DATABASE_URL']}")
    extra, env = env or {}, masthead_env(home, **(env or {}))
    masthead = masthead_command()
    subprocess.run([masthead, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    have = inside(home, "count", env=extra)["stories"]
    have = wait_while_growing(home, have, stories, extra)
    if have >= stories:
        say(f"corpus {home.name}: {have:,} stories, reused")
        return {"stories": have, "built": "reused", "seconds": None}
    say(f"corpus {home.name}: seeding {stories - have:,} stories (it has {have:,})")
    command = [masthead, "seed-corpus", "--stories", str(stories - have)]
    output = subprocess.run(  # noqa: S603 (our own command)
        command, env=env, check=True, capture_output=True, text=True
    ).stdout
    line = next((each for each in output.splitlines() if SEEDED.search(each)), output.strip())
    say(f"corpus {home.name}: {line}")
    found = SEEDED.search(line)
    return {
        "stories": stories,
        "built": line,
        "seconds": float(found[2]) if found and have == 0 else None,
    }


# Load ------------------------------------------------------------------------------------------


def fetch(url: str, headers: dict | None = None, timeout: float = 60):
    """The body and the headers (case-insensitive) of a GET."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return response.read(), response.headers


def scenarios(server: MastheadServer, nginx: Nginx, urls: dict) -> list[load.Scenario]:
    origin = server.origin
    return [
        load.Scenario("nginx static", nginx.origin, "/page.html"),
        load.Scenario("cached story", origin, urls["story"]),
        load.Scenario("uncached story", origin, urls["stories"][0], urls["stories"], BYPASS),
        load.Scenario("home", origin, "/"),
        load.Scenario("section", origin, urls["section"]),
        load.Scenario("feed", origin, "/feed/"),
        load.Scenario("search", origin, urls["searches"][0], urls["searches"]),
    ]


def warm(scenario: load.Scenario) -> str:
    """Fill the caches the scenario relies on (a few requests, one at a time); the cache
    status of its answer. An error answer (a search stopped by its time limit is a 503 on a
    loaded machine) does not stop the step: wrk counts the scenario's non-2xx answers."""
    for path in [*scenario.paths[:5], scenario.path, scenario.path]:
        try:
            _, headers = fetch(scenario.origin + path, scenario.headers)
        except urllib.error.HTTPError as error:
            headers = error.headers
            error.close()
    return headers.get("X-Masthead-Cache", "")


def idle(server: MastheadServer, scenario: load.Scenario | None = None) -> None:
    """A server that is idle again; one still working off a queue after a minute is restarted
    (and the scenario's caches warmed again)."""
    if server.settle(60):
        return
    say("  the server is still busy with what the load left queued: restarting it")
    server.restart()
    if scenario is not None:
        warm(scenario)


def run_load(server, nginx, urls, settings, workdir) -> dict:
    results = {}
    for number, scenario in enumerate(scenarios(server, nginx, urls)):
        if number:
            idle(server)
        say(f"load: {scenario.name} ({len(scenario.paths) or 1} URL(s)), warming up")
        cache = warm(scenario)
        result = load.measure(
            scenario, settings, workdir, say, between=lambda s=scenario: idle(server, s)
        )
        results[scenario.name] = vars(result) | {"cache": cache}
    return results


# The run ---------------------------------------------------------------------------------------


def page_queries(home: Path, size: int, timeout: float, env: dict | None = None) -> dict:
    """Each page type in a process of its own, given `timeout` seconds (a page that takes
    longer is reported as such, with no count)."""
    pages = {}
    for page_type, url in inside(home, "pages", env=env).items():
        try:
            pages[page_type] = inside(home, "queries", url, timeout=timeout, env=env)
        except subprocess.TimeoutExpired:
            pages[page_type] = {"url": url, "warm": None, "timeout": timeout}
        page = pages[page_type]
        say(
            f"queries at {size:,} stories: {page_type} {url}: "
            + (
                f"{page['warm']} ({page['warm_ms']:,.0f} ms)"
                if page["warm"] is not None
                else f"no answer within {timeout:,.0f} s"
            )
        )
    return {"stories": size, "pages": pages}


def serve_and_measure(options, results: dict) -> None:
    """wrk's scenarios on SQLite at --stories (results["load"]), then the workers' RSS."""
    home = options.home / f"c{options.stories}"
    urls = inside(home, "urls")
    settings = load.Settings(options.threads, options.connections, options.seconds, options.runs)
    with tempfile.TemporaryDirectory(prefix="masthead-bench-") as temp:
        workdir = Path(temp)
        server = MastheadServer(home, options.workers, log=options.home / "serve.log")
        say(f"starting masthead serve --workers {options.workers} (log: {server.log})")
        server.start()
        nginx = None
        try:
            page, _ = fetch(server.origin + urls["story"])
            nginx = Nginx(workdir, page, workers=options.workers)
            nginx.start()
            say(f"server on {server.origin}, nginx on {nginx.origin} ({len(page):,} bytes page)")
            results["load"] = run_load(server, nginx, urls, settings, workdir)
            results["rss_after_load_mb"] = [rss_mb(pid) for pid in server.worker_pids()]
            rss = results["rss_after_load_mb"]
            say("resident memory after the load: " + ", ".join(f"{mb:.0f} MB" for mb in rss))
        finally:
            if nginx is not None:
                nginx.stop()
            server.stop()


def publish_to_fresh(options) -> dict:
    """Step 5 (bench/freshness.py), on servers of its own."""
    home = options.home / f"c{options.stories}"
    with tempfile.TemporaryDirectory(prefix="masthead-fresh-") as temp:
        return freshness.measure(
            home, Path(temp), inside, say, trials=options.trials, workers=options.workers
        )


def only_freshness(options) -> None:
    ensure_corpus(options.home / f"c{options.stories}", options.stories)
    results = {"freshness": publish_to_fresh(options)}
    check = checks.fresh_check(results["freshness"])
    verdict = f"  {check.verdict}  {check.target}: {check.measured}"
    for line in [*freshness.lines(results["freshness"]), "", verdict]:
        say(line)
    out = ROOT / "bench" / "results" / "freshness.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    say(f"written: {out}")


def only_yardstick(options) -> None:
    say("checking wrk and nginx")
    ensure_tools()
    database = POSTGRESQL if options.database_url else SQLITE
    masthead = corpus(options.home, database, options.stories, options.database_url)
    if masthead.url:
        databases.ensure_database(masthead.url)
    ensure_corpus(masthead.home, options.stories, masthead.env)
    results = {"yardstick": yardstick.measure(options, inside, fetch, say, masthead)}
    found = checks.yardstick_checks(results["yardstick"]["runs"])
    lines = report.yardstick_table(results["yardstick"])
    lines += ["", *(f"  {check.verdict}  {check.target}: {check.measured}" for check in found)]
    load_average = ", ".join(f"{load:.1f}" for load in os.getloadavg())
    say("\n".join([*lines, "", f"load average: {load_average}"]))
    results["checks"] = [vars(check) | {"verdict": check.verdict} for check in found]
    out = ROOT / "bench" / "results" / "yardstick.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str))
    say(f"written: {out}")


def archive_pages(home: Path, env: dict | None = None) -> tuple[int, dict]:
    """The corpus's number of stories and its archive pages (bench.inside archive)."""
    return inside(home, "count", env=env)["stories"], inside(home, "archive", env=env)


def only_archive(options) -> None:
    """The archive pages of each --sizes corpus already built (whatever it holds now)."""
    archive = {}
    for size in options.sizes.split(","):
        home = options.home / f"c{size}"
        if (home / "masthead.sqlite3").exists() or os.environ.get("DATABASE_URL"):
            say(f"archive pages of {home}")
            stories, pages = archive_pages(home)
            archive[str(stories)] = pages
    check = checks.archive_check(archive)
    load_average = ", ".join(f"{load:.1f}" for load in os.getloadavg())
    lines = report.archive_table(archive)
    say("\n".join([*lines, "", f"  {check.verdict}  {check.target}: {check.measured}"]))
    say(f"load average: {load_average}")


def main() -> None:
    options = arguments()
    if options.only == "freshness":
        only_freshness(options)
        return
    if options.only == "archive":
        only_archive(options)
        return
    if options.only == "search":
        search.only_search(options, say)
        return
    if options.only == "yardstick":
        only_yardstick(options)
        return
    if options.only == "wordpress":
        wordpress_import.run(options.wordpress_posts, options.database_url, say)
        return
    full_run(options)


def sizes_of(text: str) -> list[int]:
    return sorted({int(size) for size in text.split(",") if size.strip()})


def full_run(options) -> None:
    sizes = sizes_of(options.sizes)
    kinds = [SQLITE] + ([POSTGRESQL] if options.database_url else [])
    results = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
        "commit": commit(),
        "setup": f"sizes {', '.join(f'{size:,}' for size in sizes)} on "
        + " and ".join(kinds)
        + f"; wrk and yardstick: masthead serve --workers {options.workers}, "
        f"wrk -t{options.threads} -c{options.connections} -d{options.seconds}s, "
        f"{options.runs} runs",
        "sizes": sizes,
        "databases": {kind: {} for kind in kinds},
    }

    def save() -> None:
        save_report(results)

    say("checking wrk and nginx")
    ensure_tools()
    everything = [
        corpus(options.home, kind, size, options.database_url) for size in sizes for kind in kinds
    ]
    yardsticks = {SQLITE: sizes_of(options.yardstick_sizes)}
    yardsticks[POSTGRESQL] = sizes_of(options.pg_yardstick_sizes)

    # Size by size, smallest first: each corpus (built or reused) and its queries, archive pages
    # and search; then at that size the yardsticks, and at --stories wrk, memory, freshness.
    sqlite = results["databases"][SQLITE]
    for size in sizes:
        for each in (each for each in everything if each.size == size):
            name = f"{each.name}: corpus, queries, archive, search"
            step(results, name, one_corpus, options, each, results)
        for each in (each for each in everything if each.size == size):
            if size in yardsticks[each.database]:
                step(results, f"yardstick on {each.name}", run_yardstick, options, each, results)
        if size == options.stories:
            step(results, "wrk, memory, freshness", measure_serving, options, sqlite, save)
    if options.stories not in sizes:
        step(results, "wrk, memory, freshness", measure_serving, options, sqlite, save)
    if options.wordpress_posts:
        url = options.database_url and databases.named(options.database_url, "wordpress")
        results["wordpress"] = wordpress_import.run(options.wordpress_posts, url, say)
    report.write(results, checks.run_checks(results), checks.summary(results), say)


def save_report(results: dict) -> None:
    report.write(results, checks.run_checks(results), checks.summary(results), say, show=False)


def step(results: dict, name: str, work, *arguments) -> None:
    """Run one step; one that fails is reported (and in results["failed"]), the run goes on
    with the next."""
    try:
        work(*arguments)
    except (subprocess.SubprocessError, OSError, RuntimeError, ValueError, KeyError) as error:
        detail = getattr(error, "stderr", None) or ""
        say(f"FAILED: {name}: {error}\n{str(detail)[-2000:]}")
        results.setdefault("failed", []).append(f"{name}: {error}")
    save_report(results)


def one_corpus(options, each: Corpus, results: dict) -> None:
    figures = results["databases"][each.database]
    figures.setdefault("corpora", {})[str(each.size)] = ensure_corpus(
        each.home, each.size, each.env
    )
    measure_corpus(options, each, figures)


def run_yardstick(options, each: Corpus, results: dict) -> None:
    say(f"yardstick on {each.name}: Masthead beside a minimal Wagtail site, hello, nginx")
    figures = results["databases"][each.database]
    figures.setdefault("yardstick", {})[str(each.size)] = yardstick.measure(
        options, inside, fetch, say, each
    )


def measure_serving(options, sqlite: dict, save) -> None:
    """wrk, memory and publish to fresh, on SQLite at --stories."""
    home = options.home / f"c{options.stories}"
    ensure_corpus(home, options.stories)
    sqlite["load_size"] = sqlite["memory_size"] = sqlite["freshness_size"] = options.stories
    serve_and_measure(options, sqlite)
    save()
    say(f"memory: {options.memory_pages:,} distinct uncached pages on SQLite {options.stories:,}")
    paths = memory.story_paths(home, options.memory_pages, inside)
    sqlite["memory"] = memory.measure(home, paths, say, options.workers)
    save()
    say(f"publish to fresh on SQLite {options.stories:,}")
    sqlite["freshness"] = publish_to_fresh(options)
    save()


def measure_corpus(options, each: Corpus, figures: dict) -> None:
    """Queries, archive pages and search of one corpus, into its database's figures."""
    key = str(each.size)
    say(f"{each.name}: SQL queries of each reader page type")
    figures.setdefault("queries", {})[key] = page_queries(
        each.home, each.size, options.page_timeout, each.env
    )
    say(f"{each.name}: archive pages (first, 1,000th and last pages, sitemaps, feeds)")
    figures.setdefault("archive", {})[key] = archive_pages(each.home, each.env)[1]
    say(f"{each.name}: search against the uncached story render")
    found = search.run(each.home, each.size, each.url, say)
    figures.setdefault("search", {})[key] = found
    say(
        f"{each.name}: search p95 {found['ratios']['p95']:.1f} x, p99 "
        f"{found['ratios']['p99']:.1f} x the median render ({found['render_median_ms']:.1f} ms)"
    )


def commit() -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or "unknown"


if __name__ == "__main__":
    main()
