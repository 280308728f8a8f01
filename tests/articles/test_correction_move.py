"""The corrections log moved from the publishing app to the articles app without losing a note:
a database made by the code before the move (main at MIGRATED_FROM, or the branch's parent)
migrates forward and the new code finds every note, in the table and in every revision."""

import json
import os
import shutil
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MIGRATED_FROM = "47892a5"  # the last commit with Correction in masthead.publishing
WORLD = Path(__file__).with_name("migration_world.py")

pytestmark = pytest.mark.process


def old_source(into: Path) -> Path:
    """The src/ folder of MIGRATED_FROM, from git (skip where the history is not at hand)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", MIGRATED_FROM, "src"],
        capture_output=True,
    )
    if archive.returncode != 0:
        pytest.skip(f"commit {MIGRATED_FROM} is not in this checkout's history")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run(home: Path, *args: str, code: Path | None = None) -> str:
    env = {
        **os.environ,
        "MASTHEAD_HOME": str(home),
        "DJANGO_SETTINGS_MODULE": "masthead.settings",
    }
    for name in ("DATABASE_URL", "REDIS_URL"):  # a SQLite database of its own, in `home`
        env.pop(name, None)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def world(home: Path, step: str, code: Path | None = None) -> dict:
    return json.loads(run(home, str(WORLD), step, code=code).strip().splitlines()[-1])


def test_a_database_made_before_the_move_keeps_every_correction(tmp_path):
    old = old_source(tmp_path / "old")
    home = tmp_path / "home"
    run(home, "-m", "masthead", "migrate", "--noinput", code=old)
    before = world(home, "make", code=old)
    assert before["code"] == str(old / "masthead")
    assert before["model"] == "publishing.correction"
    assert before["revisions"] == [
        ["The year was wrong."],
        ["The minister has answered.", "The year was wrong."],
    ]

    run(home, "-m", "masthead", "migrate", "--noinput")
    after = world(home, "read")

    assert after["code"] != before["code"]
    assert after["model"] == "articles.correction"
    assert after["table"] == before["table"] == "publishing_correction"
    # The live story's note is a row; the draft's second note lives in its revision only.
    assert after["rows"] == before["rows"] and len(after["rows"]) == 1
    assert after["live"] == before["live"] == ["The year was wrong."]
    assert after["revisions"] == before["revisions"]
    assert after["content_types"] == ["articles.correction"]
