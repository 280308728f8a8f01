"""Copying the database out and in: sqlite3's online backup API, or pg_dump and pg_restore.

A tiny contract per vendor: `dump(path, say)` writes a consistent copy while the site runs,
`is_empty()` tells whether there is nothing to overwrite, `load(path)` puts a copy in place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections

from masthead.backup.archive import ArchiveError

PAGES_PER_STEP = 1024


class SQLiteDatabase:
    vendor = "sqlite"
    member = "database/masthead.sqlite3"

    def __init__(self, settings: dict):
        self.path = Path(settings["NAME"])

    def version(self) -> str:
        return sqlite3.sqlite_version

    def dump(self, target: Path, say: Callable[[str], None]) -> None:
        """An online, consistent copy, WAL included (a plain cp of the file misses the WAL)."""

        def progress(_status, remaining, total):
            say(f"database: {total - remaining}/{total} pages copied")

        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        with (
            closing(sqlite3.connect(self.path, timeout=20)) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy, pages=PAGES_PER_STEP, progress=progress)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file

    def is_empty(self) -> bool:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return True
        uri = f"file:{self.path}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=20)) as db:
            return not db.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone()

    def load(self, source: Path) -> None:
        connections.close_all()
        for leftover in (Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            leftover.unlink(missing_ok=True)
        staged = self.path.with_name(self.path.name + ".restoring")
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as output, source.open("rb") as data:
            shutil.copyfileobj(data, output)
        staged.replace(self.path)


class PostgresDatabase:
    vendor = "postgresql"
    member = "database/masthead.pgdump"

    def __init__(self, settings: dict):
        self.settings = settings

    def environment(self) -> dict[str, str]:
        given = self.settings
        env = dict(os.environ)
        pairs = {"PGHOST": "HOST", "PGPORT": "PORT", "PGUSER": "USER", "PGPASSWORD": "PASSWORD"}
        env.update({name: str(given[key]) for name, key in pairs.items() if given.get(key)})
        return env

    def run(self, *argv: str) -> str:
        try:
            result = subprocess.run(  # noqa: S603 - the PostgreSQL client tools
                argv, env=self.environment(), capture_output=True, text=True, check=False
            )
        except FileNotFoundError as error:
            raise ArchiveError(f"{argv[0]} is not installed (PostgreSQL's client tools)") from error
        if result.returncode:
            raise ArchiveError(f"{argv[0]} failed: {result.stderr.strip()[-2000:]}")
        return result.stdout

    def version(self) -> str:
        return self.run("pg_dump", "--version").strip()

    def dump(self, target: Path, say: Callable[[str], None]) -> None:
        say(f"database: pg_dump of {self.settings['NAME']} ...")
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        self.run(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            self.settings["NAME"],
        )

    def is_empty(self) -> bool:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            return not connections[DEFAULT_DB_ALIAS].introspection.table_names(cursor)

    def load(self, source: Path) -> None:
        connections.close_all()
        self.run(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={self.settings['NAME']}",
            str(source),
        )


def current(alias: str = DEFAULT_DB_ALIAS) -> SQLiteDatabase | PostgresDatabase:
    settings = connections[alias].settings_dict
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        return SQLiteDatabase(settings)
    if vendor == "postgresql":
        return PostgresDatabase(settings)
    raise ArchiveError(f"backups of {vendor} databases are not supported (SQLite, PostgreSQL)")
