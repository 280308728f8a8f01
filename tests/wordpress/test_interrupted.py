"""An import killed with SIGKILL half way is finished by the next run: no duplicate, no
half-written story. Real processes on a real SQLite file."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests import processes
from tests.homes import copy_home
from tests.wordpress.generate import write_export

pytestmark = pytest.mark.process

BIN = Path(sys.executable).parent
POSTS = 120
BATCH = 10  # new published posts per transaction (wordpress/batches.py)


def env(home: Path) -> dict:
    extra = {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}
    return {
        "PATH": os.environ["PATH"],
        "MASTHEAD_HOME": str(home),
        **processes.coverage_env(),
        **extra,
    }


def masthead(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "masthead"), *args],
        env=env(home),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def count(home: Path, sql: str) -> int:
    with sqlite3.connect(home / "masthead.sqlite3", timeout=30) as db:
        return db.execute(sql).fetchone()[0]


IMPORTED = "SELECT count(*) FROM wordpress_importedobject WHERE kind = 'post'"
STORIES = "SELECT count(*) FROM articles_articlepage"


def test_an_import_killed_half_way_is_finished_by_the_next_run(tmp_path, sqlite_template):
    home = copy_home(sqlite_template, tmp_path / "home")  # migrated (tests/homes.py)
    export = write_export(tmp_path / "export.xml", POSTS, words=120)
    stories_before = count(home, STORIES)
    process = subprocess.Popen(
        [str(BIN / "masthead"), "import-wordpress", str(export), "--batch-size", str(BATCH)],
        env=env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        processes.wait_for(
            lambda: process.poll() is None and count(home, IMPORTED) >= 10,
            timeout=600,
            what="ten stories imported",
        )
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    stopped_at = count(home, IMPORTED)
    assert 10 <= stopped_at < POSTS
    assert stopped_at % BATCH == 0  # whole batches only
    # Nothing half-written: every story written has its mapping row, and no more.
    assert count(home, STORIES) - stories_before == stopped_at
    finish = masthead(home, "import-wordpress", str(export), "--batch-size", str(BATCH))
    assert finish.returncode == 0, finish.stderr
    assert f"{POSTS - stopped_at} imported, {stopped_at} unchanged" in finish.stdout
    assert count(home, IMPORTED) == POSTS
    assert count(home, STORIES) - stories_before == POSTS
    assert count(home, "SELECT count(DISTINCT url_path) FROM wagtailcore_page") == count(
        home, "SELECT count(*) FROM wagtailcore_page"
    )
