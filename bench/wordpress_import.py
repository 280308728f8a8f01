"""The WordPress import's speed and memory (issue 16 item 6), beside `seed-corpus` in one run.

`python -m bench --only wordpress [--wordpress-posts N] [--database-url postgres://.../NAME]`
(part of `make bench`), or alone `python -m bench.wordpress_import --posts N [--database-url
URL]`. For each database (SQLite, then PostgreSQL where a URL is given: that database is dropped
and made afresh): a fresh home, `masthead migrate`, then `masthead import-wordpress` of a
generated export (bench/wxr_export.py: N posts, Gutenberg bodies of 300-1,500 words, a featured
image on every third), then `masthead seed-corpus --stories N` on the same database. Prints
posts/s, stories/s, their ratio, the import's peak RSS and its RSS at each quarter of the run
(flat memory), and PASS/MISS per target (bench/checks.py); and each command's CPU seconds and
their ratio, which what else runs on the machine changes less than the seconds. Real processes,
one after the other, on the same machine: only the ratio compares; the load average is printed
beside it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import checks  # noqa: E402
from bench.processes import masthead_command, masthead_env, rss_mb  # noqa: E402
from bench.wxr_export import write_archive  # noqa: E402


def load_average() -> str:
    return ", ".join(f"{load:.1f}" for load in os.getloadavg())


def watched(env: dict, *args: str) -> dict:
    """Run `masthead *args`; its seconds, CPU seconds (user + system: what other processes on
    the machine take from it does not count), peak RSS (MB) and RSS at each quarter of its run."""
    started = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 (our own command)
        [masthead_command(), *args], env=env, stdout=subprocess.DEVNULL
    )
    samples = []
    while True:  # wait4, not poll(): it gives this process's own peak RSS
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        samples.append((time.perf_counter() - started, rss_mb(process.pid)))
        time.sleep(0.25)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    peak = usage.ru_maxrss / 1024
    quarters = [
        max((rss for t, rss in samples if t <= seconds * q / 4), default=0.0) for q in (1, 2, 3, 4)
    ]
    return {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_mb": peak,
        "rss_quarters_mb": quarters,
    }


def fresh_postgres(url: str) -> None:
    """Drop and make again the database `url` names (its server: trust or its password)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def measure(posts: int, database_url: str | None, say) -> dict:
    """One database's run: the import, then seed-corpus for as many stories."""
    with tempfile.TemporaryDirectory(prefix="masthead-wp-bench-") as folder:
        home = Path(folder)
        extra = {"DATABASE_URL": database_url} if database_url else {}
        if database_url:
            fresh_postgres(database_url)
        env = masthead_env(home, **extra)
        subprocess.run(  # noqa: S603
            [masthead_command(), "migrate", "--noinput", "-v0"], env=env, check=True
        )
        say(f"  writing a {posts:,}-post export")
        export, uploads = write_archive(home, posts)
        size = export.stat().st_size / 1e6
        say(f"  import-wordpress ({size:,.0f} MB), load average {load_average()}")
        imported = watched(env, "import-wordpress", str(export), "--uploads", str(uploads))
        say(f"  seed-corpus --stories {posts}, load average {load_average()}")
        seeded = watched(env, "seed-corpus", "--stories", str(posts))
    return {
        "database": "postgresql" if database_url else "sqlite",
        "posts": posts,
        "export_mb": round(size, 1),
        "import_seconds": round(imported["seconds"], 1),
        "posts_per_second": round(posts / imported["seconds"], 1),
        "seed_seconds": round(seeded["seconds"], 1),
        "stories_per_second": round(posts / seeded["seconds"], 1),
        "ratio": round(seeded["seconds"] / imported["seconds"], 2),
        "import_cpu_seconds": round(imported["cpu_seconds"], 1),
        "seed_cpu_seconds": round(seeded["cpu_seconds"], 1),
        "cpu_ratio": round(seeded["cpu_seconds"] / imported["cpu_seconds"], 2),
        "peak_rss_mb": round(imported["peak_mb"]),
        "rss_quarters_mb": [round(rss) for rss in imported["rss_quarters_mb"]],
        "load_average": load_average(),
    }


def lines(result: dict) -> list[str]:
    return [
        f"{result['database']}: {result['posts']:,} posts ({result['export_mb']} MB export)",
        f"  import-wordpress: {result['import_seconds']} s, {result['posts_per_second']} posts/s, "
        f"peak RSS {result['peak_rss_mb']} MB, RSS by quarter {result['rss_quarters_mb']} MB",
        f"  seed-corpus:      {result['seed_seconds']} s, {result['stories_per_second']} stories/s",
        f"  ratio import/seed-corpus: {result['ratio']}  (load average {result['load_average']})",
        f"  CPU seconds (user + system): import {result['import_cpu_seconds']}, seed-corpus "
        f"{result['seed_cpu_seconds']}, ratio {result['cpu_ratio']}",
    ]


def run(posts: int, database_url: str | None, say) -> list[dict]:
    results = []
    for url in [None, database_url] if database_url else [None]:
        say(f"WordPress import, {'PostgreSQL' if url else 'SQLite'}: {posts:,} posts")
        result = measure(posts, url, say)
        say("\n".join(lines(result)))
        results.append(result)
    for check in checks.wordpress_checks(results):
        say(f"  {check.verdict}  {check.target}: {check.measured}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--database-url", help="also on this PostgreSQL database (made afresh)")
    arguments = parser.parse_args()
    run(arguments.posts, arguments.database_url, lambda text: print(text, flush=True))


if __name__ == "__main__":
    main()
