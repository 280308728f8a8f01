"""Homes for the process tier: made once per test run, copied for each test.

`masthead migrate` and `masthead demo` in a fresh home cost tens of seconds of CPU (more under
coverage, more again on PostgreSQL). The session fixtures in tests/conftest.py make each kind of
home once with the real commands: `demo_home_template` (migrated, with the demo newsroom),
`sqlite_template` (migrated, empty) and `postgres_template` (a migrated PostgreSQL database on
DATABASE_URL's server, and its home). `copy_home` gives a test its own copy (database file, media
and secret key), `migrated_newsroom` a `Newsroom` on its own copy of the migrated database, so
what each test changes stays its own; the browser checks (tests/e2e/) serve each module's newsroom
from its own copy of `demo_home_template` (`copy_demo_home`). The tests about the commands
themselves (tests/test_commands.py, `make demo`, the migration of a database made by older code)
still run them in a fresh home.
"""

import shutil
from contextlib import contextmanager
from pathlib import Path

from tests.publishing.processes import (
    Newsroom,
    admin_sql,
    new_database_name,
    postgres_url,
    run_masthead,
    with_database,
)

# Seconds a `masthead migrate` may take: a few on a quiet machine, minutes on a loaded one (a
# template's failure fails every test that copies it).
LOADED_MACHINE = 900


def make_migrated_home(home: Path, database_url: str | None = None) -> Path:
    """`masthead migrate` in `home` (on `database_url`'s database if given), with this
    checkout's code (`Newsroom.env`)."""
    env = Newsroom(home, database_url).env
    run_masthead(env, "migrate", "--noinput", timeout=LOADED_MACHINE)
    return home


def make_demo_home(home: Path) -> Path:
    """`masthead migrate` then `masthead demo` in `home`, as an operator runs them, with this
    checkout's code (`Newsroom.env`)."""
    env = Newsroom(home).env
    for args in (("migrate", "--noinput"), ("demo",)):
        run_masthead(env, *args, timeout=LOADED_MACHINE)
    return home


def copy_home(template: Path, home: Path) -> Path:
    """A copy of a home made by `make_migrated_home` or `make_demo_home` (no process has its
    database open by then)."""
    shutil.copytree(template, home, dirs_exist_ok=True)
    return home


def copy_demo_home(template: Path, home: Path, env: dict) -> Path:
    """A copy of `make_demo_home`'s home for a newsroom served with `env` (its MASTHEAD_HOME is
    `home`): its default site points at `env`'s MASTHEAD_BASE_URL (or 127.0.0.1:$PORT), as
    `masthead demo` run with `env` points it (the admin's links to live pages use it)."""
    assert env["MASTHEAD_HOME"] == str(home), env
    copy_home(template, home)
    run_masthead(env, "shell", "-c", SYNC_DEFAULT_SITE)
    return home


SYNC_DEFAULT_SITE = "from masthead.core.sites import sync_default_site; sync_default_site()"


def copy_postgres_database(template: str, kind: str) -> str:
    """A new database on DATABASE_URL's server, a copy of the migrated `template`: its name."""
    name = new_database_name(kind)
    admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return name


def drop_postgres_database(name: str) -> None:
    admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def migrated_newsroom(request, home: Path, engine: str, kind: str = "worker"):
    """A `Newsroom` on its own copy of the session's migrated database: on SQLite a copy of
    `sqlite_template`, on PostgreSQL a database copied from `postgres_template` (dropped after).
    Its workers are stopped at the end."""
    database = None
    if engine == "sqlite":
        room = Newsroom(copy_home(request.getfixturevalue("sqlite_template"), home))
    else:
        template_home, template = request.getfixturevalue("postgres_template")
        database = copy_postgres_database(template, kind)
        room = Newsroom(copy_home(template_home, home), with_database(postgres_url(), database))
    try:
        yield room
    finally:
        room.stop_workers()
        if database:
            drop_postgres_database(database)
