"""A WordPress import queued from the admin runs on a real `masthead worker`, and a story
scheduled a few seconds ahead still goes live on time while the import is running.

The import is kept running by its images: the old site (an HTTP server on 127.0.0.1) holds
each image's answer until the test lets it go, so the import is "long" however fast the
importer is."""

import io
import sqlite3
import threading
from contextlib import closing
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg
import pytest
from PIL import Image

from tests.homes import migrated_newsroom
from tests.processes import wait_for
from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.process

HELD = 45  # seconds the old site holds an image at most (the fetcher gives up after 20)


class SlowOldSite(BaseHTTPRequestHandler):
    released = threading.Event()
    asked = threading.Event()

    def do_GET(self):
        type(self).asked.set()
        type(self).released.wait(HELD)
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "blue").save(buffer, "PNG")
        body = buffer.getvalue() if self.path.endswith(".png") else b""
        self.send_response(200 if body else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def newsroom(request, tmp_path):
    """A fresh database, a copy of the session's migrated one (tests/homes.py)."""
    with migrated_newsroom(request, tmp_path / "home", request.param, kind="wpimport") as room:
        yield room


@pytest.fixture
def old_site():
    SlowOldSite.released.clear()
    SlowOldSite.asked.clear()
    # A free port: the SQLite suite and the PostgreSQL suite run this test side by side in CI.
    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowOldSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    SlowOldSite.released.set()
    server.shutdown()
    server.server_close()


def run_state(room, run_id: int) -> dict:
    sql = "SELECT status, done, total FROM wordpress_importrun WHERE id = %s"
    if room.database_url:
        with psycopg.connect(room.database_url) as connection:
            row = connection.execute(sql, [run_id]).fetchone()
    else:
        path = room.home / "masthead.sqlite3"
        with closing(sqlite3.connect(path, timeout=20)) as connection:
            row = connection.execute(sql.replace("%s", "?"), [run_id]).fetchone()
    return dict(zip(("status", "done", "total"), row, strict=True))


def test_a_story_goes_live_on_time_while_an_admin_import_runs_on_the_worker(
    newsroom,
    old_site,
    tmp_path,
    capsys,
):
    export = tmp_path / "courier.xml"
    export.write_text(
        (FIXTURES / "newsroom.xml").read_text().replace("https://courier.example", old_site)
    )
    worker = newsroom.start_worker("worker")
    worker.wait_for_line("took the scheduler's lease")
    run_id = newsroom.shell(
        "from tests.wordpress.admin_runs import queue; queue()",
        "RUN",
        IMPORT_EXPORT=str(export),
        IMPORT_MEDIA_BASE_URL=old_site,
    )
    assert SlowOldSite.asked.wait(120), worker.output() + worker.errors()
    assert run_state(newsroom, run_id)["status"] == "running"

    [story] = newsroom.schedule({"go_live_in": 4})
    due = datetime.fromisoformat(story["go_live_at"])
    wait_for(lambda: newsroom.live([story["id"]]), timeout=90, interval=0.1, what="the story live")
    seen_late = datetime.now(due.tzinfo) - due
    during = run_state(newsroom, run_id)
    SlowOldSite.released.set()

    with capsys.disabled():
        backend = "PostgreSQL" if newsroom.database_url else "SQLite"
        print(f"\n[{backend}] story seen live {seen_late.total_seconds():.2f} s after its time")
    assert during["status"] == "running", "the import ended before the story went live"
    assert seen_late <= timedelta(seconds=15), (seen_late, worker.output())
    final = wait_for(
        lambda: (s := run_state(newsroom, run_id))["status"] in {"done", "failed"} and s,
        timeout=300,
        interval=0.2,
        what="the import's end",
    )
    state = newsroom.shell(
        "from tests.wordpress.admin_runs import state; state()", "STATE", IMPORT_RUN=str(run_id)
    )
    assert final["status"] == "done", state
    assert state["counts"]["imported"] >= 5 and state["report_rows"] > 0, state
    assert state["done"] == state["total"] > 0
    assert worker.stop() == 0
