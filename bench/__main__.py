"""`python -m bench` (`make bench`): corpora, load, queries, memory and publish-to-fresh.

Steps, each announced as it starts:

1. corpora in their own homes under --home (var/bench): 10,000 stories for the load, 1,000
   and 100,000 for the query counts; each is built once (`masthead seed-corpus`) and reused;
2. `masthead serve --workers 2` on the 10,000-story corpus, and nginx serving a saved copy of
   a story page's bytes, each on a free loopback port;
3. wrk against each scenario (median of --runs runs of --seconds seconds);
4. the resident memory of the server's workers after the load;
4b. the yardstick (bench/yardstick/; alone: `--only yardstick`): a minimal Wagtail article site
   built with the corpus's stories, a bare WSGI "hello" and nginx, served beside Masthead and
   measured in interleaved rounds, for ratios;
5. publish to fresh (bench/freshness.py; alone: `--only freshness`): 20 headline changes
   published from another process per bus (database, Redis, Redis behind Varnish), the story,
   its section, the front page and the feed polled until each shows it;
6. the SQL queries of each reader page type at each corpus size, and the archive pages (the
   first, 1,000th and last pages of the largest listings, feeds, sitemaps), timed;
7. the WordPress import (bench/wordpress_import.py; alone: `--only wordpress`): a generated
   export of --wordpress-posts posts imported, then seed-corpus for as many stories, in fresh
   homes, on SQLite and on --database-url's PostgreSQL: posts/s, the ratio, peak RSS;
8. the report (bench/results/) and the targets, PASS or MISS.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench import checks, freshness, load, report, search, wordpress_import
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
    parser.add_argument("--stories", type=int, default=10_000, help="corpus for the load")
    parser.add_argument("--sizes", default="1000,100000", help="corpora for the query counts")
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
        help="--only search: the corpus in this PostgreSQL database instead; the WordPress "
        "step: also on this PostgreSQL database (dropped and made afresh)",
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


def ensure_corpus(home: Path, stories: int) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    env = masthead_env(home)
    masthead = masthead_command()
    subprocess.run([masthead, "migrate", "--noinput", "-v", "0"], env=env, check=True)  # noqa: S603
    have = inside(home, "count")["stories"]
    if have >= stories:
        say(f"corpus {home.name}: {have:,} stories, reused")
        return home
    say(f"corpus {home.name}: seeding {stories - have:,} stories (it has {have:,})")
    command = [masthead, "seed-corpus", "--stories", str(stories - have)]
    subprocess.run(command, env=env, check=True)  # noqa: S603 (our own command)
    return home


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
    status of its answer."""
    for path in [*scenario.paths[:5], scenario.path, scenario.path]:
        _, headers = fetch(scenario.origin + path, scenario.headers)
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


def page_queries(home: Path, size: int, timeout: float) -> dict:
    """Each page type in a process of its own, given `timeout` seconds (a page that takes
    longer is reported as such, with no count)."""
    pages = {}
    for page_type, url in inside(home, "pages").items():
        try:
            pages[page_type] = inside(home, "queries", url, timeout=timeout)
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
            results["rss_mb"] = [rss_mb(pid) for pid in server.worker_pids()]
            say("resident memory: " + ", ".join(f"{mb:.0f} MB" for mb in results["rss_mb"]))
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
    ensure_corpus(options.home / f"c{options.stories}", options.stories)
    results = {"yardstick": yardstick.measure(options, inside, fetch, say)}
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


def archive_pages(home: Path) -> tuple[int, dict]:
    """The corpus's number of stories and its archive pages (bench.inside archive)."""
    return inside(home, "count")["stories"], inside(home, "archive")


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
    results = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}",
        "setup": f"{options.stories:,} stories, masthead serve --workers {options.workers}, "
        f"wrk -t{options.threads} -c{options.connections} -d{options.seconds}s",
    }
    say("checking wrk and nginx")
    ensure_tools()
    sizes = sorted({options.stories, *(int(size) for size in options.sizes.split(",") if size)})
    ensure_corpus(options.home / f"c{options.stories}", options.stories)
    serve_and_measure(options, results)
    say("yardstick: Masthead beside a minimal Wagtail site, a bare WSGI hello and nginx")
    results["yardstick"] = yardstick.measure(options, inside, fetch, say)
    results["freshness"] = publish_to_fresh(options)
    results["queries"] = {}
    for size in sizes:
        home = ensure_corpus(options.home / f"c{size}", size)
        results["queries"][str(size)] = page_queries(home, size, options.page_timeout)
        say(f"archive pages at {size:,} stories (first, 1,000th and last pages, sitemaps, feeds)")
        results.setdefault("archive", {})[str(size)] = archive_pages(home)[1]
    if options.wordpress_posts:
        results["wordpress"] = wordpress_import.run(
            options.wordpress_posts, options.database_url, say
        )
    report.write(results, checks.run_checks(results), say)


if __name__ == "__main__":
    main()
