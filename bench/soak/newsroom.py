"""The processes of one soak run: `masthead serve` processes, the scheduling worker and the
editor, over one MASTHEAD_HOME and database, with the services the run uses."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.processes import MastheadServer, masthead_command, rss_mb, stop, wait_for
from bench.soak.stores import ROOT

CLEARED = (
    "DATABASE_URL",
    "REDIS_URL",
    "MASTHEAD_VARNISH_URLS",
    "MASTHEAD_BASE_URL",
    "MASTHEAD_CACHE_PREFIX",
    "DEBUG",
)


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in CLEARED}
    # This checkout's code, whichever one the virtualenv was installed from.
    pythonpath = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    env.update(MASTHEAD_HOME=str(home), PYTHONPATH=pythonpath, **extra)
    return env


def masthead(env: dict, *args: str, log: Path) -> None:
    with log.open("ab") as output:
        subprocess.run(  # noqa: S603 (our own command)
            [masthead_command(), *args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=True,
            timeout=1800,
        )


class Serve(MastheadServer):
    """`masthead serve` with the run's environment, in a session of its own."""

    def __init__(self, name: str, env: dict, port: int, workers: int, log: Path):
        super().__init__(Path(env["MASTHEAD_HOME"]), workers=workers, log=log)
        self.name, self.env, self.port = name, env, port

    def start(self) -> None:
        command = [
            masthead_command(),
            "serve",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(  # noqa: S603
                command,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for(self.origin + "/robots.txt", 300, self.process)

    def alive(self) -> bool:
        return self.process.poll() is None

    def memory(self) -> dict[str, float]:
        """Resident MB of the server's processes (its main process and each worker)."""
        found = {}
        for pid in [self.process.pid, *self.worker_pids()]:
            try:
                found[str(pid)] = round(rss_mb(pid), 1)
            except OSError:
                continue
        return found


class SchedulingWorker:
    def __init__(self, env: dict, log: Path):
        self.env, self.log = env, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(  # noqa: S603
                [masthead_command(), "worker"],
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_for(self, text: str, seconds: float = 120) -> None:
        """Until the worker's log says `text` (it took the scheduler's lease, say)."""
        deadline = time.monotonic() + seconds
        while text not in self.log.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.log}: no {text!r}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class Editor:
    """`python -m bench.soak.editor`: one JSON command a line, one JSON answer a line."""

    def __init__(self, env: dict, log: Path):
        self.env, self.log = env, log
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.answers: queue.Queue = queue.Queue()

    def start(self) -> None:
        with self.log.open("ab") as errors:
            self.process = subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "bench.soak.editor"],
                env=self.env,
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                start_new_session=True,
            )
        threading.Thread(target=self._read, daemon=True).start()
        self._answer(120)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.answers.put(json.loads(line))
        self.answers.put({"ok": False, "error": "the editor process ended"})

    def _answer(self, timeout: float) -> dict:
        try:
            return self.answers.get(timeout=timeout)
        except queue.Empty:
            return {"ok": False, "error": f"no answer in {timeout:.0f} s"}

    def ask(self, op: str, timeout: float = 90, **arguments) -> dict:
        with self.lock:
            self.process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
            self.process.stdin.flush()
            return self._answer(timeout)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            stop(self.process)
