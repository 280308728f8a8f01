"""`make demo` runs the scheduling worker beside the server, and stops it when it is stopped."""

import contextlib
import os
import signal
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest

from tests.homes import copy_home
from tests.processes import wait_for
from tests.test_commands import ROOT, bare_env, free_port, wait_for_page

pytestmark = pytest.mark.process

REFERENCE_URL = "/top-news/pakistan-quietly-greenlights-security-pact-with-us/"


def worker_processes(home: Path) -> list[int]:
    """The `masthead worker` processes running with this MASTHEAD_HOME (Linux /proc)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
            environ = (proc / "environ").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours
            continue
        is_worker = any(arg.endswith(b"masthead") for arg in argv) and b"worker" in argv
        if is_worker and f"MASTHEAD_HOME={home}".encode() in environ:
            found.append(int(proc.name))
    return found


def wait_for_a_pass(home: Path, timeout: float) -> None:
    """Until the worker has finished a pass (its lease row records it)."""
    sql = "SELECT count(*) FROM publishing_workerlease WHERE last_run_at IS NOT NULL"

    def passes() -> int:
        with closing(sqlite3.connect(home / "masthead.sqlite3", timeout=20)) as connection:
            return connection.execute(sql).fetchone()[0]

    wait_for(passes, timeout, interval=0.2, what="a pass of the worker")


def wait_for_no_workers(home: Path, timeout: float) -> list[int]:
    """The worker processes still running after up to `timeout` seconds (none, at best)."""
    with contextlib.suppress(TimeoutError):
        wait_for(lambda: not worker_processes(home), timeout, interval=0.2, what="no worker")
    return worker_processes(home)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc (Linux)")
@pytest.mark.skipif(not (ROOT / "Makefile").exists(), reason="needs the repository's Makefile")
@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_make_demo_runs_the_worker_and_leaves_none_behind(
    tmp_path, demo_home_template, stop_signal
):
    """In a copy of the demo home made once per run (tests/homes.py): `make demo`'s migrate and
    demo load find their work done (tests/test_commands.py runs them in a fresh home)."""
    home = copy_home(demo_home_template, tmp_path / "home")
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "demo", f"PORT={port}"],
        cwd=ROOT,
        env=bare_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for_page(f"http://127.0.0.1:{port}{REFERENCE_URL}", timeout=240)
        wait_for_a_pass(home, timeout=60)
        assert len(worker_processes(home)) == 1
        assert process.poll() is None, "make demo must stay in the foreground"
    finally:
        os.killpg(process.pid, stop_signal)  # what Ctrl-C (or a supervisor) does to the group
        output = process.communicate(timeout=60)[0].decode()
    assert wait_for_no_workers(home, timeout=10) == [], output
    assert "took the scheduler's lease" in output
    assert output.rstrip().count("worker stopped") == 1, output
