"""A database whose archive memberships were made by the code before they carried the stories'
dates (main at MADE_BY) migrates forward to what a fill from nothing makes: each row with its
story's date, a row for the section each story is filed in, and those lists' totals."""

import json
import subprocess
import tarfile
from io import BytesIO
from pathlib import Path

import pytest

from tests.articles.test_correction_move import REPO, WORLD, run

MADE_BY = "9c9c4e2"  # the last commit whose memberships had no date and no filed lists
pytestmark = pytest.mark.process

READ = """
import json
import django

django.setup()
from masthead.articles import archive
from masthead.articles.totals import ArchiveMember, ArchiveTotal

def rows():
    members = ArchiveMember.objects.values_list(
        "page_id", "root", "kind", "ref", "modified", "published_at"
    )
    totals = ArchiveTotal.objects.values_list("root", "kind", "ref", "count", "lastmod")
    return [sorted(map(list, members)), sorted(map(list, totals))]

migrated = rows()
archive.fill()
print(json.dumps({"migrated": migrated, "filled": rows()}, default=str))
"""


def source_at(commit: str, into: Path) -> Path:
    done = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", commit, "src"], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"commit {commit} is not in this checkout's history")
    with tarfile.open(fileobj=BytesIO(done.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def test_memberships_made_before_their_dates_migrate_to_a_fill_from_nothing(tmp_path):
    old = source_at(MADE_BY, tmp_path / "old")
    home = tmp_path / "home"
    run(home, "-m", "masthead", "migrate", "--noinput", code=old)
    run(home, str(WORLD), "make", code=old)  # a published story in a section of its own site

    run(home, "-m", "masthead", "migrate", "--noinput")
    found = json.loads(run(home, "-c", READ).strip().splitlines()[-1])

    assert found["migrated"] == found["filled"]
    members, totals = found["migrated"]
    assert {row[2] for row in members} == {"month", "section", "filed"}
    assert all(row[5] == "2026-01-02 03:04:05+00:00" for row in members)
    assert [row[1:4] for row in totals if row[1] == "filed"] == [
        ["filed", row[3], 1] for row in members if row[2] == "filed"
    ]
