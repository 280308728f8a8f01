"""`masthead serve`, run as an operator runs it: a fresh MASTHEAD_HOME and nothing else.

The slow test migrates a new data folder, loads the demo and serves it with one worker; the
others check what `serve` refuses to do before it starts.
"""

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from tests.homes import copy_home
from tests.processes import wait_for
from tests.test_commands import BIN, REFERENCE_URL, bare_env, free_port, masthead, wait_for_page

HASHED_CSS = re.compile(r'href="(/static/masthead/css/site\.[0-9a-f]{12}\.css)"')


def start_serve(home: Path, *args: str, **env) -> tuple[subprocess.Popen, Path]:
    log = home / "serve.log"
    with log.open("wb") as output:  # a file, not a pipe that nobody reads
        process = subprocess.Popen(
            [str(BIN / "masthead"), "serve", *args],
            env=bare_env(home, **env),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return process, log


def get(url: str) -> tuple[int, Message, str]:
    """Status, headers (case-insensitive) and body, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory, demo_home_template):
    """`masthead serve --workers 1` on a migrated demo newsroom; stopped by the last test."""
    home = copy_home(demo_home_template, tmp_path_factory.mktemp("serve-home"))
    port = free_port()
    process, log = start_serve(home, "--workers", "1", "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_page(f"{base}/robots.txt", timeout=180)
        except OSError:
            pytest.fail(f"masthead serve did not answer on {base}:\n{log.read_text()}")
        yield {"base": base, "process": process, "log": log, "home": home}
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


@pytest.mark.process
def test_serve_answers_with_the_site(served):
    status, headers, page = get(served["base"] + "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert '<header class="masthead"' in page
    assert '<footer class="site-footer">' in page
    assert headers["Server"] == "granian"
    status, _headers, story = get(served["base"] + REFERENCE_URL)
    assert status == 200
    assert "Pakistan Quietly Greenlights Security Pact with US" in story
    assert served["process"].poll() is None, "serve must stay in the foreground"


@pytest.mark.process
def test_static_files_have_hashed_names_and_are_cached_for_ever(served):
    page = get(served["base"] + "/")[2]
    found = HASHED_CSS.search(page)
    assert found, "the stylesheet's address has no content hash"
    status, headers, css = get(served["base"] + found.group(1))
    assert status == 200
    assert headers["Cache-Control"] == "max-age=315360000, public, immutable"
    assert "masthead" in css
    assert (served["home"] / "static" / "staticfiles.json").exists()


@pytest.mark.process
def test_debug_is_off_errors_are_the_sites_own_pages(served):
    status, _headers, page = get(served["base"] + "/no-such-page/")
    assert status == 404
    assert "<h1>Page not found</h1>" in page
    assert '<header class="masthead"' in page
    assert "Django" not in page and "URLconf" not in page
    log = served["log"].read_text()
    assert "DEBUG is on" not in log
    assert "GET /no-such-page/" not in log, "no access log by default"


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def granian_workers(serve_pid: int) -> list[int]:
    """The worker processes under `masthead serve` (supervisor -> granian -> workers)."""
    return [worker for granian in children(serve_pid) for worker in children(granian)]


def kill_a_worker(serve_pid: int, timeout: float = 60) -> int:
    """kill -9 one worker (waiting for one to exist); its PID."""
    workers = wait_for(lambda: granian_workers(serve_pid), timeout, what="a worker process")
    os.kill(workers[0], signal.SIGKILL)
    return workers[0]


@pytest.mark.process
def test_workers_run_with_two_malloc_arenas_unless_told_otherwise(served):
    """glibc's allocator otherwise gives each of a worker's threads a heap of its own, and each
    keeps what it freed: a worker held some 4 MB more (docs/deployment.md, "Memory")."""
    workers = wait_for(lambda: granian_workers(served["process"].pid), 60, what="a worker")
    environ = Path(f"/proc/{workers[0]}/environ").read_bytes().split(b"\0")
    assert b"MALLOC_ARENA_MAX=2" in environ


@pytest.mark.process
def test_serve_keeps_serving_when_workers_are_killed(served):
    """One kill: granian respawns the worker. A second one at once: granian's crash-loop rule
    ends granian, and the supervisor starts it again."""
    killed = set()
    for _kill in range(3):
        killed.add(kill_a_worker(served["process"].pid))
        wait_for_page(served["base"] + "/robots.txt", timeout=60)
        assert get(served["base"] + "/")[0] == 200
    assert served["process"].poll() is None, served["log"].read_text()
    assert len(killed) == 3 and killed.isdisjoint(granian_workers(served["process"].pid))
    assert "Worker crash loop detected" in served["log"].read_text()  # granian's own exit


@pytest.mark.process
def test_serve_exits_non_zero_after_n_quick_failures(served):
    port = free_port()
    args = ("--workers", "1", "--port", str(port), "--failure-window", "120")
    process, log = start_serve(served["home"], *args, MASTHEAD_SERVE_MAX_FAILURES="3")
    try:
        for _kill in range(2):
            wait_for_page(f"http://127.0.0.1:{port}/robots.txt", timeout=60)
            kill_a_worker(process.pid)
        wait_for_page(f"http://127.0.0.1:{port}/robots.txt", timeout=60)
        kill_a_worker(process.pid)
        assert process.wait(timeout=30) == 1
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    output = log.read_text()
    assert "last error: Unexpected exit from worker-1" in output
    assert "giving up: 3 failures within 120 s (limit 3)" in output
    assert children(process.pid) == []


@pytest.mark.process
def test_serve_gives_up_with_the_servers_error(served):
    """Granian cannot start at all (its port is taken): the reason, after N tries."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ("--workers", "1", "--port", str(port), "--max-failures", "2")
        process, log = start_serve(served["home"], *args)
        assert process.wait(timeout=60) == 1
    output = log.read_text()
    assert "last error: RuntimeError: Address already in use" in output
    assert "giving up: 2 failures within 600 s (limit 2)" in output


def wait_gone(pids: list[int], timeout: float) -> list[int]:
    """The processes of `pids` still running after up to `timeout` seconds (none, at best)."""

    def left() -> list[int]:
        return [pid for pid in pids if Path(f"/proc/{pid}").exists()]

    with contextlib.suppress(TimeoutError):
        wait_for(lambda: not left(), timeout, interval=0.1, what="the processes to exit")
    return left()


@pytest.mark.process
def test_ctrl_c_in_the_terminal_stops_serve_and_all_its_processes(served):
    """SIGINT to the whole foreground group, as a terminal's Ctrl-C (or `make demo`'s) sends."""
    port = free_port()
    process, log = start_serve(served["home"], "--workers", "2", "--port", str(port))
    wait_for_page(f"http://127.0.0.1:{port}/robots.txt", timeout=60)
    servers = children(process.pid) + granian_workers(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    assert process.wait(timeout=30) == 0, log.read_text()
    assert wait_gone(servers, timeout=15) == [], log.read_text()


@pytest.mark.process
def test_a_killed_serve_leaves_no_server_behind(served):
    port = free_port()
    process, log = start_serve(served["home"], "--workers", "1", "--port", str(port))
    wait_for_page(f"http://127.0.0.1:{port}/robots.txt", timeout=60)
    servers = children(process.pid) + granian_workers(process.pid)
    process.kill()  # the supervisor alone, by kill -9
    process.wait(timeout=10)
    assert wait_gone(servers, timeout=20) == [], log.read_text()


@pytest.mark.process
def test_sigterm_stops_it_within_seconds(served):
    process = served["process"]
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0, served["log"].read_text()
    assert time.monotonic() - started < 10
    with pytest.raises(OSError):
        urllib.request.urlopen(served["base"] + "/robots.txt", timeout=2)


@pytest.mark.process
def test_serve_refuses_an_unmigrated_database_and_warns_of_debug(tmp_path):
    process, log = start_serve(tmp_path, "--port", str(free_port()), DEBUG="1")
    assert process.wait(timeout=120) == 1
    output = log.read_text()
    assert "DEBUG is on" in output
    assert "the database is not migrated" in output
    assert "Run `masthead migrate`" in output


@pytest.mark.process
def test_serve_rejects_bad_options(tmp_path):
    for args in (["--workers", "0"], ["--port", "http"]):
        result = masthead(tmp_path, "serve", *args)
        assert result.returncode != 0
        assert "expected a whole number above 0" in result.stderr
