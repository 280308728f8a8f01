"""Real `masthead` processes against a database of their own (SQLite file or PostgreSQL).

Tests run in rolled-back transactions that other processes cannot see, so the multi-process
tests give their subprocesses a fresh MASTHEAD_HOME (and, on PostgreSQL, a fresh database, copied
from a migrated template) and make their stories with `masthead shell -c`.
"""

import json
import os
import signal
import sqlite3
import subprocess
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from tests.processes import wait_for
from tests.test_commands import BIN, ROOT, bare_env

NOT_POSTGRES = (
    "PostgreSQL variant: DATABASE_URL is not a postgres:// URL "
    "(run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db>)"
)


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if urlsplit(url).scheme in {"postgres", "postgresql"} else None


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def admin_sql(statement: str) -> None:
    """CREATE/DROP DATABASE on the server of DATABASE_URL (through its own database)."""
    with psycopg.connect(postgres_url(), autocommit=True) as connection:
        connection.execute(statement)


def new_database_name(kind: str) -> str:
    base = urlsplit(postgres_url()).path.lstrip("/") or "masthead"
    return f"{base}_{kind}_{uuid.uuid4().hex[:8]}"


def run_masthead(env: dict, *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [str(BIN / "masthead"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"masthead {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


@dataclass
class WorkerProcess:
    process: subprocess.Popen
    out: Path
    err: Path

    def output(self) -> str:
        return self.out.read_text()

    def errors(self) -> str:
        return self.err.read_text()

    def wait_for_line(self, text: str, timeout: float = 60) -> None:
        def printed() -> bool:
            assert self.process.poll() is None, f"the worker died:\n{self.output()}{self.errors()}"
            return text in self.output()

        wait_for(printed, timeout, interval=0.1, what=f"{text!r} from the worker")

    def stop(self, signum=signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.process.wait(timeout=timeout)


@dataclass
class Newsroom:
    """A fresh data folder (and database) that `masthead` subprocesses share."""

    home: Path
    database_url: str | None = None
    workers: list[WorkerProcess] = field(default_factory=list)

    @property
    def env(self) -> dict:
        # This checkout's code, whichever one the virtualenv was installed from.
        extra = {"PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"}
        if self.database_url:
            extra["DATABASE_URL"] = self.database_url
        return bare_env(self.home, **extra)

    def masthead(self, *args: str, **env) -> str:
        return run_masthead({**self.env, **env}, *args)

    def shell(self, code: str, marker: str, **env):
        output = self.masthead("shell", "-c", code, **env)
        lines = [line for line in output.splitlines() if line.startswith(marker + " ")]
        assert lines, output
        return json.loads(lines[-1].removeprefix(marker + " "))

    def schedule(self, *stories: dict) -> list[dict]:
        """Stories due `{"go_live_in": seconds}` from now, or `{"overdue_by": seconds}`."""
        spec = json.dumps({"stories": list(stories)})
        code = "from tests.publishing.stories import main; main()"
        return self.shell(code, "STORIES", SCHEDULE_SPEC=spec)

    def report(self) -> dict:
        return self.shell("from tests.publishing.stories import report; report()", "REPORT")

    def start_worker(self, name: str, *args: str, env: dict | None = None) -> WorkerProcess:
        out, err = self.home / f"{name}.out", self.home / f"{name}.err"
        with out.open("w") as stdout, err.open("w") as stderr:
            process = subprocess.Popen(
                [str(BIN / "masthead"), "worker", *args],
                env={**self.env, **(env or {})},
                stdout=stdout,
                stderr=stderr,
            )
        worker = WorkerProcess(process, out, err)
        self.workers.append(worker)
        return worker

    def live(self, page_ids: list[int]) -> set[int]:
        """Which of the pages are live now, read straight from the database (cheap to poll)."""
        marks = ", ".join(["%s" if self.database_url else "?"] * len(page_ids))
        sql = f"SELECT id FROM wagtailcore_page WHERE live AND id IN ({marks})"  # noqa: S608
        if self.database_url:
            with psycopg.connect(self.database_url) as connection:
                rows = connection.execute(sql, page_ids).fetchall()
        else:
            path = self.home / "masthead.sqlite3"
            with closing(sqlite3.connect(path, timeout=20)) as connection:
                rows = connection.execute(sql, page_ids).fetchall()
        return {row[0] for row in rows}

    def stop_workers(self) -> None:
        for worker in self.workers:
            if worker.process.poll() is None:
                worker.process.kill()
                worker.process.wait(timeout=30)
