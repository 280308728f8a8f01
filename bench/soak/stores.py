"""The services the soak starts for itself, each on its own loopback port and in its own temporary
folder, so that stopping or restarting them touches nothing else on the machine: a PostgreSQL
cluster, a Redis server and a Varnish with the shipped VCL in front of the soak's servers."""

from __future__ import annotations

import http.client
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import time
from glob import glob
from pathlib import Path

from bench.processes import free_port

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "masthead.vcl"
BACKEND_BLOCK = re.compile(r"backend masthead \{.*?\n\}\n", re.DOTALL)


def wait_until(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not come up in {seconds:.0f} s")
        time.sleep(0.1)


class Postgres:
    """A cluster of our own: initdb into a temporary folder, pg_ctl on a free port. PostgreSQL
    refuses to run as root, so as root the cluster belongs to (and runs as) the postgres user."""

    def __init__(self, workdir: Path):
        binaries = sorted(glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not binaries:
            raise RuntimeError("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/pg_ctl)")
        self.bin = Path(binaries[-1]).parent
        self.dir = workdir / "postgres"
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/masthead"

    def _run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run(  # noqa: S603 (PostgreSQL's own tools, our arguments)
            [*prefix, *command], capture_output=True, text=True, check=check, timeout=120
        )

    def start(self) -> None:
        if not self.data.exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                user = pwd.getpwnam("postgres")
                os.chown(self.dir, user.pw_uid, user.pw_gid)
            self._run(
                str(self.bin / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8",
            )
            self._pg_ctl("start")
            self._run(
                str(self.bin / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                "masthead",
            )
        else:
            self._pg_ctl("start")

    def _pg_ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(
            str(self.bin / "pg_ctl"),
            action,
            "-D",
            str(self.data),
            "-w",
            "-t",
            "60",
            "-l",
            str(self.dir / "postgres.log"),
            "-o",
            options,
            *extra,
        )

    def restart(self) -> None:
        self._pg_ctl("restart", "-m", "fast")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(
                str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", check=False
            )

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    """redis-server in the foreground on a free port, nothing saved to disk."""

    def __init__(self, workdir: Path):
        self.dir = workdir / "redis"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "no",
            "--dir",
            str(self.dir),
        ]
        with (self.dir / "redis.log").open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(self.answers, 30, "redis-server")

    def answers(self) -> bool:
        try:
            import redis

            return redis.Redis(port=self.port, socket_timeout=1).ping()
        except Exception:  # noqa: BLE001 (not up yet)
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


def soak_vcl(backends: list[int]) -> str:
    """The shipped VCL with its one backend replaced by the soak's servers, round-robin behind
    a health probe (a server that stops answering is left out until it answers again), as
    docs/varnish.md says to do for several app servers."""
    text = VCL.read_text()
    if not BACKEND_BLOCK.search(text) or "sub vcl_recv {" not in text:
        raise RuntimeError(f"{VCL}: no `backend masthead {{...}}` block; update bench/soak")
    declared = "".join(
        f'backend masthead{n} {{\n    .host = "127.0.0.1";\n    .port = "{port}";\n'
        "    .connect_timeout = 2s;\n    .first_byte_timeout = 60s;\n"
        '    .probe = { .url = "/robots.txt"; .interval = 1s; .timeout = 2s;'
        " .window = 3; .threshold = 2; }\n}\n"
        for n, port in enumerate(backends)
    )
    adds = "".join(f"    soak.add_backend(masthead{n});\n" for n in range(len(backends)))
    init = f"sub vcl_init {{\n    new soak = directors.round_robin();\n{adds}}}\n\n"
    pick = "sub vcl_recv {\n    set req.backend_hint = soak.backend();\n}\n\n"
    text = BACKEND_BLOCK.sub(lambda _: declared, text, count=1)
    text = text.replace("import xkey;", "import xkey;\nimport directors;", 1)
    # Varnish runs same-named subs in the order they appear: ours first, then the shipped one.
    return text.replace("sub vcl_recv {", init + pick + "sub vcl_recv {", 1)


class Varnish:
    """varnishd -F with the soak's VCL on a free port, work folder of its own, no jail."""

    def __init__(self, workdir: Path, backends: list[int]):
        self.dir = workdir / "varnish"
        self.backends = backends
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        # The shared secret the VCL asks of every purge (docs/varnish.md): the servers get it too.
        self.purge_secret = secrets.token_urlsafe(24)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        vcl = self.dir / "soak.vcl"
        vcl.write_text(soak_vcl(self.backends))
        varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
        if varnishd is None:
            raise RuntimeError(
                "varnishd is not installed (apt-get install varnish varnish-modules)"
            )
        command = [
            varnishd,
            "-F",
            "-n",
            str(self.dir / "instance"),
            "-a",
            f"127.0.0.1:{self.port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,256m",
            "-T",
            "none",
            "-j",
            "none",
            "-p",
            "vcc_allow_inline_c=off",
        ]
        with (self.dir / "varnishd.log").open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, "MASTHEAD_PURGE_SECRET": self.purge_secret},
            )
        wait_until(self.answers, 60, "varnishd")

    def answers(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError((self.dir / "varnishd.log").read_text(errors="replace"))
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            # With the secret but no tags: Varnish's VCL answers 400 once it runs.
            connection.request("PURGE", "/", headers={"X-Masthead-Purge-Secret": self.purge_secret})
            return connection.getresponse().status == 400
        except (OSError, http.client.HTTPException):
            return False
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
