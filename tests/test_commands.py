"""The `masthead` command and `make demo`, run as an operator runs them: in a fresh process."""

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests import processes
from tests.processes import coverage_env

pytestmark = pytest.mark.process

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REFERENCE_URL = "/top-news/pakistan-quietly-greenlights-security-pact-with-us/"


def bare_env(home: Path, **extra) -> dict:
    """Nothing but PATH and MASTHEAD_HOME (and what the test adds, and coverage's variable)."""
    return {"PATH": os.environ["PATH"], "MASTHEAD_HOME": str(home), **coverage_env(), **extra}


def masthead(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "masthead"), *args],
        env=bare_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_masthead_commands_need_nothing_but_masthead_home(tmp_path):
    for args in (["migrate", "--noinput"], ["demo"], ["check"]):
        result = masthead(tmp_path, *args)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "masthead.sqlite3").exists()
    assert (tmp_path / "secret_key").exists()
    demo = masthead(tmp_path, "demo")
    assert "0 new items" in demo.stdout
    assert "login admin / masthead-demo" in demo.stdout


def test_python_dash_m_masthead_is_the_same_command(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "masthead", "help", "demo"],
        env=bare_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Load the demo newsroom" in result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_page(url: str, timeout: float) -> bytes:
    def read() -> bytes:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()

    return processes.wait_for(read, timeout, interval=0.5, what=url)


@pytest.mark.skipif(not (ROOT / "Makefile").exists(), reason="needs the repository's Makefile")
def test_make_demo_serves_the_reference_page_in_the_foreground(tmp_path):
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "demo", f"PORT={port}"],
        cwd=ROOT,
        env=bare_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}{REFERENCE_URL}", timeout=240).decode()
        assert "Pakistan Quietly Greenlights Security Pact with US" in page
        assert "August 3, 2023" in page
        assert wait_for_page(f"http://127.0.0.1:{port}/", timeout=10)
        assert process.poll() is None, "make demo must stay in the foreground"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0].decode()
    assert f"http://127.0.0.1:{port}/admin/" in output
