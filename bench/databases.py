"""The databases of a full run: SQLite in a home per corpus size, and with --database-url
postgres://USER@HOST:PORT/BASE also PostgreSQL, one database per size (BASE_1000, BASE_10000, ...,
made when missing, kept and reused like the SQLite homes).

    python -m bench.databases URL   exit 0 when the PostgreSQL server of URL answers (`make bench`)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SQLITE, POSTGRESQL = "sqlite", "postgresql"
SHORT = {SQLITE: "SQLite", POSTGRESQL: "PG"}


@dataclass(frozen=True)
class Corpus:
    """One corpus: its database kind, its size, its MASTHEAD_HOME and its DATABASE_URL."""

    database: str
    size: int
    home: Path
    url: str | None = None

    @property
    def env(self) -> dict[str, str]:
        return {"DATABASE_URL": self.url} if self.url else {}

    @property
    def name(self) -> str:
        return f"{SHORT[self.database]} {self.size:,}"


def named(url: str, suffix: str) -> str:
    """`url` with its database name followed by _`suffix` (bench -> bench_1000)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{parts.path.strip('/')}_{suffix}"))


def corpus(home: Path, database: str, size: int, base_url: str | None = None) -> Corpus:
    if database == SQLITE:
        return Corpus(SQLITE, size, home / f"c{size}")
    return Corpus(POSTGRESQL, size, home / f"pg{size}", named(base_url, str(size)))


def _admin(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def answers(url: str) -> bool:
    """Whether the PostgreSQL server of `url` accepts a connection (within 3 seconds)."""
    import psycopg

    try:
        psycopg.connect(_admin(url), connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


def ensure_database(url: str) -> bool:
    """Make the database `url` names when it is missing; whether it was made."""
    import psycopg

    name = urlsplit(url).path.strip("/")
    with psycopg.connect(_admin(url), autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone():
            return False
        connection.execute(f'CREATE DATABASE "{name}"')
    return True


if __name__ == "__main__":
    sys.exit(0 if len(sys.argv) == 2 and answers(sys.argv[1]) else 1)
