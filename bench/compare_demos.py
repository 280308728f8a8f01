"""Compare what readers get from two commits' demos: every reader page, feed, sitemap,
robots.txt and API answer, with run-dependent values masked (bench/masking.py).

    python -m bench.compare_demos --base main --head HEAD [--diffs 3] [--keep DIR]
    python -m bench.compare_demos --base HEAD --head "$(git stash create)"  # uncommitted edits

Each commit is exported (`git archive`) into its own temporary folder and runs from there with
its own MASTHEAD_HOME and SQLite database: migrate, collectstatic, `masthead demo`, then
bench/demo_crawl.py crawls it through the commit's WSGI application. Both commits run in the
current virtualenv, with the commit's `src/` first on the path: the script refuses, before
building anything, a commit whose requirements.lock pins a version other than the one installed
(run it from a venv that matches both). The two builds run side by side. It prints how many
addresses it compared and how many differ, a unified diff of the first few, and exits 1 on any
difference (an address only one side reaches counts as one).
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench.masking import Masker

REPO = Path(__file__).resolve().parent.parent
CRAWLER = Path(__file__).resolve().parent / "demo_crawl.py"
# Variables of the caller's shell that would point a build at another database, cache or site.
CLEARED = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DEBUG", "PORT")


def git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True).stdout  # noqa: S603, S607


def resolve(commit: str) -> str:
    return git("rev-parse", "--verify", f"{commit}^{{commit}}").decode().strip()


def lock_mismatches(commit: str) -> list[str]:
    """Pins in the commit's requirements.lock that the installed packages do not match."""
    wrong = []
    for line in git("show", f"{commit}:requirements.lock").decode().splitlines():
        name, _, pinned = line.strip().partition("==")
        if not pinned or name.startswith("#"):
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue  # an extra this comparison does not use (bench, a newer linter)
        if installed != pinned:
            wrong.append(f"{name}: {commit[:8]} pins {pinned}, this venv has {installed}")
    return wrong


def build_and_crawl(commit: str, folder: Path, log) -> dict[str, dict]:
    """Export `commit` into `folder`, load its demo in its own home, crawl it."""
    tree, home = folder / "tree", folder / "home"
    with tarfile.open(fileobj=io.BytesIO(git("archive", "--format=tar", commit))) as archive:
        archive.extractall(tree, filter="data")
    env = {k: v for k, v in os.environ.items() if k not in CLEARED and not k.startswith("MASTHEAD")}
    env.update(
        PYTHONPATH=str(tree / "src"),
        MASTHEAD_HOME=str(home),
        MASTHEAD_SEED_DIR=str(REPO.parent / "shared" / "seed"),
        MASTHEAD_BASE_URL="http://127.0.0.1:8000",
    )
    output = folder / "answers.json"
    stages = [  # the commands of a stage run side by side, as `make demo` runs the first two
        {
            "migrate": ["-m", "masthead", "migrate", "--noinput", "-v0"],
            "collectstatic": ["-m", "masthead", "collectstatic", "--noinput", "-v0"],
        },
        {"demo": ["-m", "masthead", "demo"]},
        {"crawl": [str(CRAWLER), str(output)]},
    ]
    for stage in stages:
        started = time.monotonic()
        run_together(commit, stage, cwd=tree, env=env)
        log(f"{commit[:8]}: {' + '.join(stage)} ({time.monotonic() - started:.0f} s)")
    return json.loads(output.read_text())


def run_together(commit: str, commands: dict[str, list[str]], **options) -> None:
    """Run this Python with each command's arguments at once; stop at the first failure."""
    running = {
        name: subprocess.Popen(  # noqa: S603 - this Python, on the commit's own code
            [sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options
        )
        for name, argv in commands.items()
    }
    for name, process in running.items():
        _, errors = process.communicate()
        if process.returncode:
            tail = errors.decode(errors="replace")[-3000:]
            raise SystemExit(f"{commit[:8]}: {name} failed:\n{tail}")


def shown(answer: dict | None, mask: Masker) -> list[str]:
    """An answer as the lines compared: its status and type, then its masked body (JSON
    indented, one value a line, so that a diff shows the value that changed). Blank lines and
    trailing spaces are layout between tags, not content a reader or a parser gets: left out."""
    if answer is None:
        return ["(not reached)\n"]
    body = answer["body"]
    if "json" in answer["type"]:
        body = json.dumps(json.loads(body or "null"), indent=1, sort_keys=True)
    head = f"status {answer['status']}, {answer['type']}\n"
    lines = (line.rstrip() for line in mask(body).splitlines())
    return [head, *(line + "\n" for line in lines if line)]


def compare(base: dict, head: dict, mask: Masker) -> list[tuple[str, list[str]]]:
    """(address, unified diff) for each address whose masked answers differ."""
    differences = []
    for address in sorted(set(base) | set(head)):
        before, after = shown(base.get(address), mask), shown(head.get(address), mask)
        if before != after:
            diff = difflib.unified_diff(before, after, f"base{address}", f"head{address}", n=2)
            differences.append((address, list(diff)))
    return differences


def report(differences, compared: int, diffs: int, out=None) -> int:
    """Print the summary and the first `diffs` diffs; the exit status: 1 if anything differs."""
    out = out or sys.stdout
    out.write(f"{compared} addresses compared, {len(differences)} differ\n")
    for address, diff in differences[:diffs]:
        out.write(f"\n--- {address}\n")
        out.writelines(line.rstrip("\n")[:300] + "\n" for line in diff[:80])
    for address, _ in differences[diffs:]:
        out.write(f"also differs: {address}\n")
    return 1 if differences else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="commit to compare from (default main)")
    parser.add_argument("--head", default="HEAD", help="commit to compare to (default HEAD)")
    parser.add_argument("--diffs", type=int, default=3, help="unified diffs to print")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    base, head = resolve(args.base), resolve(args.head)
    wrong = lock_mismatches(base) + lock_mismatches(head)
    if wrong:
        raise SystemExit("this venv does not match the commits' pins:\n" + "\n".join(wrong))
    started = datetime.now(UTC).date()
    with tempfile.TemporaryDirectory(prefix="compare-demos-") as scratch:
        root = args.keep or Path(scratch)
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = [
                pool.submit(build_and_crawl, commit, root / side, lambda line: print(line))
                for side, commit in (("base", base), ("head", head))
            ]
            answers = [job.result() for job in jobs]
    mask = Masker.around(started, datetime.now(UTC).date())
    differences = compare(*answers, mask)
    print(f"base {base[:12]}, head {head[:12]}")
    return report(differences, len(set(answers[0]) | set(answers[1])), args.diffs)


if __name__ == "__main__":
    sys.exit(main())
