"""schemathesis against a real server: the demo newsroom served by `masthead runserver` in a fresh
MASTHEAD_HOME, checked against its own /api/openapi.json with every check (no 500s, documented
statuses, content types, headers and schemas, invalid input rejected, valid input accepted)."""

import os
import signal
import subprocess

import pytest

from tests.homes import copy_home
from tests.test_commands import BIN, bare_env, free_port, wait_for_page

pytestmark = pytest.mark.process

MAX_EXAMPLES = 50
WORKERS = 4  # the run takes about 45 s with four workers, over a minute with one


@pytest.fixture
def api_server(tmp_path, demo_home_template):
    """The demo, served on a free loopback port; its process group is ended afterwards."""
    home, port = copy_home(demo_home_template, tmp_path / "home"), free_port()
    env = bare_env(home, PORT=str(port))  # PATH, MASTHEAD_HOME and PORT: nothing else
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [str(BIN / "masthead"), "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_page(f"{base}/api/openapi.json", timeout=60)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    print((tmp_path / "server.log").read_text(errors="replace")[-3000:])  # shown on failure


def test_schemathesis_finds_no_failures(api_server, tmp_path):
    command = [
        str(BIN / "schemathesis"),
        "run",
        f"{api_server}/api/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        str(WORKERS),
        "--generation-database",
        "none",
        "--request-timeout",
        "30",
        "--no-color",
    ]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path), "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "No issues found" in output, output
