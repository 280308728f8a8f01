"""The processes the bench starts: nginx serving a saved page, and `masthead serve`."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

NGINX_CONF = """\
worker_processes {workers};
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {dir}/www;
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerExited(RuntimeError):
    """A server the bench started ended before it answered."""


def wait_for(url: str, seconds: float = 120.0, process: subprocess.Popen | None = None) -> None:
    """Until `url` answers; with `process`, stop waiting as soon as that process has ended."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                response.read()
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if process is not None and process.poll() is not None:
                raise ServerExited(
                    f"{process.args[0]} ended with status {process.returncode} "
                    f"before {url} answered"
                ) from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _tail(output, size: int = 2000) -> str:
    """The end of what a server wrote to `output` (a file open for reading and writing)."""
    output.seek(0, os.SEEK_END)
    output.seek(max(0, output.tell() - size))
    return output.read().decode(errors="replace").strip()


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Nginx:
    """nginx in the foreground with its own config, pid and logs in `workdir`, serving `body`
    at /page.html with as many workers as the app server has (they run as nobody when we are
    root, so the files are made readable)."""

    def __init__(self, workdir: Path, body: bytes, workers: int = 2):
        self.dir = workdir / "nginx"
        (self.dir / "www").mkdir(parents=True, exist_ok=True)
        (self.dir / "www" / "page.html").write_bytes(body)
        for path in (workdir, self.dir, self.dir / "www", self.dir / "www" / "page.html"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        self.port = free_port()
        self.conf = self.dir / "nginx.conf"
        self.conf.write_text(NGINX_CONF.format(dir=self.dir, port=self.port, workers=workers))
        self.process: subprocess.Popen | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = ["nginx", "-c", str(self.conf), "-p", str(self.dir), "-e", "stderr"]
        self.process = subprocess.Popen(  # noqa: S603 (nginx, with our config)
            [*command, "-g", "daemon off;"], stderr=subprocess.DEVNULL
        )
        wait_for(self.origin + "/page.html", 20, self.process)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class MastheadServer:
    """`masthead serve` on a loopback port (`port`, else a free one), for the corpus in `home`."""

    def __init__(
        self,
        home: Path,
        workers: int = 2,
        log: Path | None = None,
        env: dict | None = None,
        port: int | None = None,
    ):
        self.home = home
        self.workers = workers
        self.port = port or free_port()
        self.log = log
        self.extra_env = env or {}
        self.process: subprocess.Popen | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = masthead_env(self.home, MASTHEAD_BASE_URL=self.origin, **self.extra_env)
        command = [masthead_command(), "serve", "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        # What the server says goes to the log, else to a file kept until it answers: a server
        # that will not start (an unmigrated home) says why, at once, not after the wait.
        with self.log.open("a+b") if self.log else tempfile.TemporaryFile() as output:
            self.process = subprocess.Popen(  # noqa: S603 (our own command)
                command, env=env, stdout=output, stderr=subprocess.STDOUT
            )
            try:
                wait_for(self.origin + "/robots.txt", 300, self.process)
            except ServerExited as exited:
                raise ServerExited(f"{exited}:\n{_tail(output)}") from None

    def worker_pids(self) -> list[int]:
        """The server's worker processes: its descendants (granian forks them)."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        found, queue = [], list(children.get(self.process.pid, []))
        while queue:
            pid = queue.pop()
            found.append(pid)
            queue.extend(children.get(pid, []))
        return sorted(found)

    def cpu_seconds(self) -> float:
        """CPU time the workers have used so far (user and system)."""
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (in clock ticks)
        return total / os.sysconf("SC_CLK_TCK")

    def settle(self, seconds: float = 60) -> bool:
        """Wait until the workers are idle (slow pages left queued by a load are worked off
        after it ends, and would slow down whatever comes next); False if they are still busy
        after `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            before = self.cpu_seconds()
            time.sleep(1)
            if self.cpu_seconds() - before < 0.05:
                return True
        return False

    def restart(self) -> None:
        self.stop()
        self.start()

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def masthead_command() -> str:
    return str(Path(sys.executable).parent / "masthead")


def masthead_env(home: Path, **extra) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(MASTHEAD_HOME=str(home), **extra)
    return env
