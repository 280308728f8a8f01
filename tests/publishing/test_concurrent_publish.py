"""Two editors publishing one story at once, in two real processes, on SQLite and PostgreSQL:
the newer revision is what readers get, and the history never says that a revision went live
when it was overwritten (issue 10, item 5)."""

import json
import subprocess
import time

import pytest

from tests.publishing.processes import BIN

pytestmark = pytest.mark.process


def prepare(newsroom) -> dict:
    return newsroom.shell("from tests.publishing.concurrent import prepare; prepare()", "PREPARED")


def publishers(newsroom, *revisions: int, start_at: float) -> list[subprocess.Popen]:
    code = "from tests.publishing.concurrent import publish; publish()"
    return [
        subprocess.Popen(
            [str(BIN / "masthead"), "shell", "-c", code],
            env={**newsroom.env, "REVISION_ID": str(revision), "RACE_START_AT": str(start_at)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for revision in revisions
    ]


def outcome(process: subprocess.Popen) -> dict:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0 and "Traceback" not in err, err
    [line] = [line for line in out.splitlines() if line.startswith("OUTCOME ")]
    return json.loads(line.removeprefix("OUTCOME "))


def state(newsroom, story: dict) -> dict:
    code = "from tests.publishing.concurrent import inspect; inspect()"
    return newsroom.shell(code, "STATE", STORY_ID=str(story["id"]))


def test_two_editors_publishing_at_once_keep_the_newer_revision(newsroom):
    story = prepare(newsroom)
    racers = publishers(newsroom, story["older"], story["newer"], start_at=time.time() + 6)
    older, newer = (outcome(racer) for racer in racers)
    assert newer["status"] == "published"
    after = state(newsroom, story)
    assert after["standfirst"] == "newer edit"
    assert after["live_revision"] == after["last_published_revision"] == story["newer"]
    if older["status"] == "refused":  # it waited for the lock while the newer one went live
        assert "a newer version" in older["message"]
