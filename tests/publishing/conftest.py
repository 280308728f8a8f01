"""Fixtures for the scheduling tests: a section in-process, and fresh databases for real
`masthead worker` processes (migrated once per session, then copied for each test)."""

import shutil

import pytest
from wagtail.models import Page

from tests.factories import section_named
from tests.publishing.processes import (
    NOT_POSTGRES,
    Newsroom,
    admin_sql,
    new_database_name,
    postgres_url,
    run_masthead,
    with_database,
)
from tests.test_commands import bare_env


@pytest.fixture
def section(db) -> Page:
    return section_named("top-news")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    home = tmp_path_factory.mktemp("scheduling-sqlite-template")
    run_masthead(bare_env(home), "migrate", "--noinput")
    return home


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory):
    if postgres_url() is None:
        pytest.skip(NOT_POSTGRES)
    home = tmp_path_factory.mktemp("scheduling-postgres-template")
    name = new_database_name("template")
    admin_sql(f'CREATE DATABASE "{name}"')
    try:
        env = bare_env(home, DATABASE_URL=with_database(postgres_url(), name))
        run_masthead(env, "migrate", "--noinput")
        yield home, name
    finally:
        admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def newsroom(request, tmp_path):
    """A fresh, migrated database for `masthead` subprocesses, on SQLite or on PostgreSQL."""
    home = tmp_path / "home"
    if request.param == "sqlite":
        shutil.copytree(request.getfixturevalue("sqlite_template"), home)
        room = Newsroom(home)
        yield room
        room.stop_workers()
        return
    template_home, template = request.getfixturevalue("postgres_template")
    shutil.copytree(template_home, home)
    name = new_database_name("worker")
    admin_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    room = Newsroom(home, with_database(postgres_url(), name))
    try:
        yield room
    finally:
        room.stop_workers()
        admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
