"""Real `masthead worker` processes against a database of their own, on SQLite and PostgreSQL:
catch-up, exactly-once with two workers, take-over after a crash, and the time to go live."""

import json
import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.publishing.processes import BIN

pytestmark = pytest.mark.process

LEASE = "took the scheduler's lease"


def wait_until_live(newsroom, stories: list[dict], timeout: float) -> dict[int, datetime]:
    """When each story was first seen live (polled straight from the database)."""
    ids = [story["id"] for story in stories]
    seen: dict[int, datetime] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < len(ids):
        now = datetime.now(UTC)
        for page_id in newsroom.live(ids) - seen.keys():
            seen[page_id] = now
        if time.monotonic() > deadline:
            logs = "\n".join(w.output() + w.errors() for w in newsroom.workers)
            pytest.fail(f"not live after {timeout} s: {set(ids) - set(seen)}\n{logs}")
        time.sleep(0.05)
    return seen


def assert_clean_run(worker) -> None:
    errors = worker.errors()
    assert "Traceback" not in errors and "Error" not in errors, errors
    assert "FAILED" not in worker.output() and "database error" not in worker.output()
    assert worker.output().rstrip().endswith("worker stopped"), worker.output()


def test_worker_once_catches_up_after_downtime(newsroom):
    overdue, later = newsroom.schedule({"overdue_by": 3600}, {"go_live_in": 3600})
    output = newsroom.masthead("worker", "--once")
    report = newsroom.report()
    assert report["pages"][str(overdue["id"])] | {"last_published_at": None} == {
        "live": True,
        "publishes": 1,
        "last_published_at": None,
        "scheduled": 0,
    }
    assert not report["pages"][str(later["id"])]["live"]
    [incident] = report["incidents"]
    assert (incident["page_id"], incident["kind"]) == (overdue["id"], "late")
    assert "LATE" in output and output.rstrip().endswith("worker stopped"), output
    assert report["lease_holder"] == ""  # released on exit


def test_two_workers_publish_each_story_exactly_once(newsroom):
    due = [{"overdue_by": 5}] * 4 + [{"go_live_in": 4 + n / 2} for n in range(8)]
    stories = newsroom.schedule(*due)
    first = newsroom.start_worker("first", "--interval", "0.2")
    second = newsroom.start_worker("second", "--interval", "0.2")
    wait_until_live(newsroom, stories, timeout=120)
    time.sleep(1)  # a few more passes of both workers over the same database
    assert first.stop(signal.SIGTERM) == 0
    assert second.stop(signal.SIGINT) == 0
    report = newsroom.report()
    for story in stories:
        page = report["pages"][str(story["id"])]
        assert (page["live"], page["publishes"], page["scheduled"]) == (True, 1, 0), story
    assert report["incidents"] == []
    for worker in (first, second):
        assert_clean_run(worker)
    published = [
        line for w in (first, second) for line in w.output().splitlines() if " published " in line
    ]
    assert len(published) == len(stories), published
    assert report["lease_holder"] == ""


def test_two_passes_racing_without_the_lock_still_publish_each_story_once(newsroom):
    """The second line of defence: each item is re-read in its own transaction before it runs."""
    stories = newsroom.schedule(*[{"overdue_by": 1}] * 20)
    start_at = str(time.time() + 10)  # both processes list the same due items at once
    code = "from tests.publishing.stories import race; race()"
    racers = [
        subprocess.Popen(
            [str(BIN / "masthead"), "shell", "-c", code],
            env={**newsroom.env, "RACE_START_AT": start_at},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outcomes = []
    for racer in racers:
        out, err = racer.communicate(timeout=180)
        assert racer.returncode == 0 and "Traceback" not in err, err
        [line] = [line for line in out.splitlines() if line.startswith("OUTCOMES ")]
        outcomes += json.loads(line.removeprefix("OUTCOMES "))
    done = sorted(page for page, status in outcomes if status == "done")
    assert done == sorted(story["id"] for story in stories)  # each published by one racer
    assert {status for _, status in outcomes} == {"done", "skipped"}, outcomes  # they raced
    report = newsroom.report()
    assert {report["pages"][str(s["id"])]["publishes"] for s in stories} == {1}
    assert report["incidents"] == []


def test_a_standby_worker_takes_over_when_the_first_dies(newsroom):
    first = newsroom.start_worker("first")
    first.wait_for_line(LEASE)
    second = newsroom.start_worker("second")
    second.wait_for_line("standing by")
    first.process.kill()  # a crash: the lease is not released, it expires
    stories = newsroom.schedule({"go_live_in": 2})
    wait_until_live(newsroom, stories, timeout=60)
    # The story is live as the publish commits; the worker logs it just after.
    second.wait_for_line(" published ")
    assert LEASE in second.output()
    assert second.stop() == 0
    assert newsroom.report()["pages"][str(stories[0]["id"])]["publishes"] == 1


def test_a_scheduled_story_is_live_within_five_seconds_of_its_time(newsroom, capsys):
    worker = newsroom.start_worker("timing")
    worker.wait_for_line(LEASE)
    stories = newsroom.schedule({"go_live_in": 3}, {"go_live_in": 3.5}, {"go_live_in": 4})
    seen = wait_until_live(newsroom, stories, timeout=60)
    assert worker.stop() == 0
    assert_clean_run(worker)
    report = newsroom.report()
    lateness = {}
    for story in stories:
        due = datetime.fromisoformat(story["go_live_at"])
        published = datetime.fromisoformat(report["pages"][str(story["id"])]["last_published_at"])
        lateness[story["id"]] = (seen[story["id"]] - due, published - due)
    worst = max(seen_late for seen_late, _ in lateness.values())
    with capsys.disabled():
        backend = "PostgreSQL" if newsroom.database_url else "SQLite"
        for page_id, (seen_late, published_late) in lateness.items():
            print(
                f"\n[{backend}] story {page_id}: published {published_late.total_seconds():.2f} s"
                f" after its time, seen live {seen_late.total_seconds():.2f} s after",
                end="",
            )
        print(f"\n[{backend}] worst lateness: {worst.total_seconds():.2f} s")
    assert timedelta(0) <= worst <= timedelta(seconds=5), worker.output()


@pytest.mark.parametrize("newsroom", ["sqlite"], indirect=True)
def test_the_worker_refuses_a_zero_interval(newsroom):
    import subprocess

    from tests.publishing.processes import BIN

    result = subprocess.run(
        [str(BIN / "masthead"), "worker", "--interval", "0"],
        env=newsroom.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0 and "above 0" in result.stderr
