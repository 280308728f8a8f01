"""`python -m bench.wordpress_import --posts N`: `masthead import-wordpress` against
`masthead seed-corpus` in one run: stories per second of each, and the import's peak RSS.

Both run as real processes in one fresh home (migrated first), one after the other, on the same
machine and database (SQLite, or DATABASE_URL's), so only their ratio means something. The
export is made by tests/wordpress/generate.py (Gutenberg paragraphs of --words words; no images).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.wordpress.generate import write_export  # noqa: E402

MASTHEAD = str(Path(sys.executable).parent / "masthead")


def timed(env: dict, *args: str) -> tuple[float, int]:
    """Seconds and the peak RSS (MB) of `masthead *args`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([MASTHEAD, *args], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--words", type=int, default=300)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="masthead-wp-bench-") as folder:
        home = Path(folder)
        env = {**os.environ, "MASTHEAD_HOME": str(home)}
        subprocess.run([MASTHEAD, "migrate", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
        export = write_export(home / "export.xml", arguments.posts, arguments.words)
        size = export.stat().st_size / 1e6
        imported, rss = timed(env, "import-wordpress", str(export))
        seeded, _ = timed(env, "seed-corpus", "--stories", str(arguments.posts))
    posts = arguments.posts
    print(f"export: {posts:,} posts, {size:.1f} MB")
    print(f"import-wordpress: {imported:.1f} s, {posts / imported:,.1f} posts/s, peak RSS {rss} MB")
    print(f"seed-corpus:      {seeded:.1f} s, {posts / seeded:,.1f} stories/s")
    print(f"ratio import/seed-corpus: {seeded / imported:.2f}")


if __name__ == "__main__":
    main()
