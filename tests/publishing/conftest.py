"""Fixtures for the scheduling tests: a section in-process, and fresh databases for real
`masthead worker` processes (migrated once per session, then copied for each test:
tests/homes.py)."""

import pytest
from wagtail.models import Page

from tests.factories import section_named
from tests.homes import migrated_newsroom


@pytest.fixture
def section(db) -> Page:
    return section_named("top-news")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def newsroom(request, tmp_path):
    """A fresh, migrated database for `masthead` subprocesses, on SQLite or on PostgreSQL."""
    with migrated_newsroom(request, tmp_path / "home", request.param) as room:
        yield room
