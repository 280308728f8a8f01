"""granian serving the yardstick site or the bare "hello" app, as `masthead serve` serves
Masthead (WSGI, the same workers and request threads), and the yardstick's build."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from bench.processes import MastheadServer, free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent.parent
SETTINGS = "bench.yardstick.settings"
THREADS = 4  # `masthead serve`'s default request threads per worker (serve.DEFAULT_THREADS)


def yardstick_env(home: Path, database_url: str | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    path = [str(ROOT), *(env["PYTHONPATH"].split(os.pathsep) if env.get("PYTHONPATH") else [])]
    env.update(YARDSTICK_HOME=str(home), DJANGO_SETTINGS_MODULE=SETTINGS)
    env["PYTHONPATH"] = os.pathsep.join(path)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def build(home: Path, stories: int, source: Path | None = None, database_url=None, say=print):
    """Migrate the yardstick's database in `home` and seed it to `stories` stories. One build
    at a time per home: another waits for the first (then finds the stories there)."""
    home.mkdir(parents=True, exist_ok=True)
    env = yardstick_env(home, database_url)
    django = [sys.executable, "-m", "django"]
    with (home / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([*django, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)  # noqa: S603
        command = [*django, "seed_yardstick", "--stories", str(stories)]
        command += ["--from", str(source)] if source else []
        output = subprocess.run(  # noqa: S603 (our own command)
            command, env=env, cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
    say(output.strip().splitlines()[-1])


def story_paths(home: Path, database_url=None) -> list[str]:
    """Every story's path on the yardstick site."""
    code = (
        "import django; django.setup()\n"
        "from bench.yardstick.articles.models import ArticlePage\n"
        "for page in ArticlePage.objects.live().specific(): print(page.url)\n"
    )
    output = subprocess.run(  # noqa: S603 (our own code)
        [sys.executable, "-c", code],
        env=yardstick_env(home, database_url),
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line for line in output.splitlines() if line.startswith("/")]


class Granian(MastheadServer):
    """granian (WSGI) serving `target` on a free loopback port: `workers` processes with
    `threads` request threads each, as `masthead serve --workers N` runs (the idleness, worker
    and stop methods are MastheadServer's)."""

    def __init__(self, target: str, env: dict, workers: int = 2, threads: int = THREADS, log=None):
        self.target, self.env, self.workers, self.threads = target, env, workers, threads
        self.port = free_port()
        self.log = log
        self.probe = "/"
        self.process: subprocess.Popen | None = None

    def start(self, probe: str | None = None) -> None:
        self.probe = probe or self.probe
        command = [sys.executable, "-m", "granian", "--interface", "wsgi", "--no-ws"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--workers", str(self.workers), "--blocking-threads", str(self.threads)]
        output = self.log.open("ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(  # noqa: S603 (granian, with our arguments)
            [*command, self.target], env=self.env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            wait_for(self.origin + self.probe, 120, self.process)
        except Exception:
            self.stop()  # a server that never answered is not left behind
            raise
