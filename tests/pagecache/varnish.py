"""A real varnishd with deploy/varnish/masthead.vcl, in front of a backend the test chooses.

    with running_varnish(tmp_path, backend_port) as varnish:
        urllib.request.urlopen(varnish.url + "/some/page/")

It runs in the foreground (`varnishd -F`) on a free loopback port with a work folder of its own,
the shipped VCL pointed at 127.0.0.1:<backend_port>. `VARNISH_MISSING` says why it cannot run
here (tests skip with it); CI installs Debian's varnish and varnish-modules (.ci/run).
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.test_commands import ROOT, free_port

VCL = ROOT / "deploy" / "varnish" / "masthead.vcl"
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
# What the test Varnish wants in X-Masthead-Purge-Secret (MASTHEAD_PURGE_SECRET in its environment).
PURGE_SECRET = "test-purge-secret-4f9c2a"  # noqa: S105 (a test value)
BACKEND_LINES = ('    .host = "127.0.0.1";\n', '    .port = "8000";\n')


def _missing() -> str | None:
    if VARNISHD is None:
        return "varnishd is not installed (apt-get install varnish varnish-modules)"
    vmods = [Path("/usr/lib/varnish/vmods"), *Path("/usr/lib").glob("*/varnish/vmods")]
    if not any((folder / "libvmod_xkey.so").exists() for folder in vmods):
        return "the xkey vmod is not installed (apt-get install varnish-modules)"
    return None


VARNISH_MISSING = _missing()


def vcl_for(backend_host: str, backend_port: int) -> str:
    """The shipped VCL with its backend pointed elsewhere."""
    text = VCL.read_text()
    host, port = BACKEND_LINES
    assert host in text and port in text, f"{VCL}: the backend block changed; update this helper"
    text = text.replace(host, f'    .host = "{backend_host}";\n', 1)
    return text.replace(port, f'    .port = "{backend_port}";\n', 1)


@dataclass
class Varnish:
    process: subprocess.Popen
    port: int
    workdir: Path
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, timeout: float = 20) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=timeout)


def start_varnish(
    workdir: Path,
    backend_port: int,
    backend_host: str = "127.0.0.1",
    purge_secret: str = PURGE_SECRET,
) -> Varnish:
    """varnishd in the foreground on a free port, MASTHEAD_PURGE_SECRET in its environment;
    returns once it answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    vcl = workdir / "masthead.vcl"
    vcl.write_text(vcl_for(backend_host, backend_port))
    port = free_port()
    log = workdir / "varnishd.log"
    command = [
        VARNISHD,
        "-F",
        "-n",
        str(workdir / "instance"),
        "-a",
        f"127.0.0.1:{port}",
        "-f",
        str(vcl),
        "-s",
        "malloc,32m",
        "-T",
        "none",
        # The work folder is the test's own: no jail (as root it would drop to a user who
        # cannot read it).
        "-j",
        "none",
        "-p",
        "vcc_allow_inline_c=off",
    ]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "MASTHEAD_PURGE_SECRET": purge_secret},
        )
    varnish = Varnish(process, port, workdir, log)
    try:
        _wait_until_answering(varnish, purge_secret, timeout=60)
    except BaseException:
        varnish.stop()
        raise
    return varnish


def _wait_until_answering(varnish: Varnish, secret: str, timeout: float) -> None:
    """Until a PURGE without tags gets Varnish's own 400 (403 when it has no secret); neither
    reaches the backend."""
    deadline = time.monotonic() + timeout
    while True:
        if varnish.process.poll() is not None:
            raise RuntimeError(f"varnishd exited:\n{varnish.output()}")
        connection = http.client.HTTPConnection("127.0.0.1", varnish.port, timeout=2)
        try:
            connection.request("PURGE", "/", headers={"X-Masthead-Purge-Secret": secret})
            if connection.getresponse().status == (400 if secret else 403):
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            connection.close()
        if time.monotonic() > deadline:
            raise RuntimeError(f"varnishd did not answer in {timeout} s:\n{varnish.output()}")
        time.sleep(0.2)


@contextmanager
def running_varnish(workdir: Path, backend_port: int, **options) -> Iterator[Varnish]:
    varnish = start_varnish(workdir, backend_port, **options)
    try:
        yield varnish
    finally:
        varnish.stop()
