"""The chief editor imports a small WordPress export from the admin, in Chromium, with a real
`masthead worker` running it: upload, the self-refreshing run page, the report and its CSV.

The demo is served as an operator serves it (`masthead runserver`, `masthead worker`, in a copy
of the home that `masthead migrate` and `masthead demo` made once for the run: tests/homes.py);
tests/e2e/wordpress_import.mjs plays the chief editor.
Run with MASTHEAD_BROWSER_CHECKS=1 (see tests/e2e/test_newsroom_flow.py for what it needs).
"""

import json
import os
import re
import sys
from pathlib import Path

import pytest

from tests.e2e.test_newsroom_flow import CHROME, _tail, run, start, stop
from tests.homes import copy_demo_home
from tests.test_commands import free_port, wait_for_page
from tests.wordpress.conftest import shared

pytestmark = [pytest.mark.browser, pytest.mark.process]

BIN = Path(sys.executable).parent
SCRIPT = Path(__file__).with_name("wordpress_import.mjs")
EXPORT = "wordpress-importer__small-export.xml"


@pytest.fixture
def newsroom(tmp_path, demo_home_template):
    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    env = {"PATH": os.environ["PATH"], "MASTHEAD_HOME": str(home), "PORT": str(port)}
    if os.environ.get("PYTHONPATH"):  # a git worktree's own src/ over the editable install
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    copy_demo_home(demo_home_template, home, env)
    server = start(
        [BIN / "masthead", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env,
        home / "runserver.log",
    )
    worker = start([BIN / "masthead", "worker"], env, home / "worker.log")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_page(f"{base}/", timeout=120)
        yield {"base": base, "home": home, "worker": worker}
    finally:
        stop(worker)
        stop(server)


def test_the_chief_editor_imports_an_export_and_reads_the_report(newsroom, browser_notes):
    result = run(
        ["node", SCRIPT, newsroom["base"], shared(EXPORT)],
        timeout=400,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    steps = {
        entry["step"]: entry
        for entry in (json.loads(line) for line in result.stdout.splitlines() if line[:1] == "{")
    }
    assert result.returncode == 0, (
        f"{result.stderr}\n{steps}\nworker log:\n{_tail(newsroom['home'] / 'worker.log')}"
    )
    assert steps["form"]["title"].startswith("Import from WordPress"), steps["form"]
    assert steps["queued"]["status"].startswith(("Waiting for the worker", "Running")), steps
    found = steps["report"]
    assert found["status"] == "done", found
    imported = int(re.search(r"(\d+) imported", found["counts"]).group(1))
    assert imported > 0, found
    assert re.search(r"\bposts?\b", found["summary"], re.IGNORECASE), found
    assert found["csv"] == "old_url,kind,status,location", found
    assert EXPORT in steps["listing"]["row"] and "imported" in steps["listing"]["row"], steps
    browser_notes.append(f"WordPress import from the admin: {found['counts']}")
