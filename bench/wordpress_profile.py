"""Where a WordPress import's time goes on PostgreSQL: the client's CPU, the server's, by statement.

`python -m bench.wordpress_profile --posts N --database-url postgres://.../NAME [--home DIR]`
drops and makes the database afresh, migrates it, writes the bench's export
(bench/wxr_export.py) and runs the import in this process, timing each statement (and each
`COPY` of `core/copyrows.py`) and reading the CPU of the server process that answers it from
`/proc/<pid>/stat` (the server must be on this machine; its clock ticks are 10 ms, so a single
statement's figure is coarse, their sums are not). Prints posts/s, the client's CPU, the server's,
and the statements that cost the server most; with `WP_PROFILE_CPROFILE=FILE`, a cProfile of the
import written to FILE. `--tracemalloc N` instead (SQLite unless a URL is
given) prints the import's RSS and the biggest growths of Python's memory every N posts.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.processes import masthead_command, masthead_env, rss_mb  # noqa: E402
from bench.wordpress_import import fresh_postgres  # noqa: E402
from bench.wxr_export import write_archive  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def shape(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql)
    sql = re.sub(r"%s(, %s)*", "%s…", sql)
    sql = re.sub(r"\(%s…\)(, \(%s…\))+", "(%s…)…", sql)
    return sql[:110]


class Timings:
    def __init__(self, pid: int | None):
        self.pid = pid
        self.wall = defaultdict(float)
        self.server = defaultdict(float)
        self.calls = defaultdict(int)

    def measure(self, key: str, run):
        started, cpu = time.perf_counter(), server_cpu(self.pid) if self.pid else 0.0
        try:
            return run()
        finally:
            self.wall[key] += time.perf_counter() - started
            if self.pid:
                self.server[key] += server_cpu(self.pid) - cpu
            self.calls[key] += 1

    def __call__(self, execute, sql, params, many, context):
        return self.measure(shape(sql), lambda: execute(sql, params, many, context))


@contextmanager
def profiled(path: str | None):
    """cProfile around the block, its statistics written to `path` (none without one)."""
    if not path:
        yield
        return
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        profiler.dump_stats(path)


def prepare(posts: int, database_url: str | None, home: Path) -> tuple[Path, Path]:
    env = masthead_env(home, **({"DATABASE_URL": database_url} if database_url else {}))
    if database_url:
        fresh_postgres(database_url)
    subprocess.run([masthead_command(), "migrate", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    os.environ.update(env)
    return write_archive(home, posts)


def profile(export: Path, uploads: Path, every: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    django.setup()
    from django.db import connection

    from masthead.core import copyrows
    from masthead.wordpress.importer import Options, import_export

    connection.ensure_connection()
    pid = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
    timings = Timings(pid)
    plain_insert = copyrows.insert

    def timed_insert(model, objects, fields=None, *, new_ids=False):
        return timings.measure(
            f"COPY {model._meta.db_table}",
            lambda: plain_insert(model, objects, fields, new_ids=new_ids),
        )

    copyrows.insert = timed_insert
    snapshots = []
    if every:
        import tracemalloc

        tracemalloc.start(8)

    def progress(done, total):
        if every and done // every > len(snapshots):
            import gc
            import tracemalloc

            gc.collect()
            snapshots.append((done, rss_mb(os.getpid()), tracemalloc.take_snapshot()))
            print(f"  {done:,} items: RSS {snapshots[-1][1]:.0f} MB", flush=True)

    started, cpu0 = time.perf_counter(), client_cpu()
    server0 = server_cpu(pid) if pid else 0.0
    with connection.execute_wrapper(timings), profiled(os.environ.get("WP_PROFILE_CPROFILE")):
        result = import_export(Options(export, uploads), progress)
    seconds, cpu = time.perf_counter() - started, client_cpu() - cpu0
    server = (server_cpu(pid) - server0) if pid else 0.0
    posts = result.outcome.total("imported")
    print(f"{posts:,} objects imported in {seconds:.1f} s ({posts / seconds:.1f}/s)")
    print(f"client CPU {cpu:.1f} s, server CPU {server:.1f} s, RSS {rss_mb(os.getpid()):.0f} MB")
    report(timings, snapshots)


def report(timings: Timings, snapshots: list) -> None:
    print(f"{'server s':>9} {'wall s':>8} {'calls':>6}  statement")
    for key in sorted(timings.wall, key=lambda k: -(timings.server[k] or timings.wall[k]))[:25]:
        print(f"{timings.server[key]:9.2f} {timings.wall[key]:8.2f} {timings.calls[key]:6}  {key}")
    for (done, rss, snapshot), (later, rss2, snapshot2) in zip(
        snapshots, snapshots[1:], strict=False
    ):
        print(f"-- {done:,} -> {later:,} items: RSS {rss:.0f} -> {rss2:.0f} MB; grew most:")
        for stat in snapshot2.compare_to(snapshot, "traceback")[:6]:
            print(f"  {stat.size_diff / 1e6:+.2f} MB {stat.count_diff:+} blocks")
            for line in stat.traceback.format()[-6:]:
                print(f"      {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--database-url")
    parser.add_argument("--home", type=Path, help="default: a temporary folder")
    parser.add_argument("--tracemalloc", type=int, default=0, metavar="N")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="masthead-wp-profile-") as folder:
        home = arguments.home or Path(folder)
        home.mkdir(parents=True, exist_ok=True)
        export, uploads = prepare(arguments.posts, arguments.database_url, home)
        profile(export, uploads, arguments.tracemalloc)


if __name__ == "__main__":
    main()
