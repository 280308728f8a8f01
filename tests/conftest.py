"""The suite's world: each test builds what it needs with tests/factories; the demo newsroom
only where a test asks for `demo_newsroom`. Tests are in two tiers (docs/testing.md)."""

import sys

import pytest
from wagtail.models import Site

from masthead.demo.loader import DemoLoader

REFERENCE_URL = "/top-news/pakistan-quietly-greenlights-security-pact-with-us/"

_state = {"demo_loaded": False, "item": None}


def uses_demo(item) -> bool:
    return "demo_newsroom" in getattr(item, "fixturenames", ())


def is_process_test(item) -> bool:
    return item.get_closest_marker("process") is not None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The demo stays in the database once loaded: the tests that use it run after all others
    (a stable sort, so pytest-django's order holds within each group)."""
    items.sort(key=uses_demo)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _state["item"] = item
    try:
        return (yield)
    finally:
        _state["item"] = None


def _fast_tier_starts_no_process(event, args):
    """The fast tier starts no process: a test that does must be marked `process`."""
    if event != "subprocess.Popen":
        return
    item = _state["item"]
    if item is not None and not is_process_test(item):
        raise RuntimeError(
            f"{item.nodeid} starts a process ({args[0]!r}) but is not marked "
            "@pytest.mark.process (the process tier, docs/testing.md)"
        )


sys.addaudithook(_fast_tier_starts_no_process)


def _after_a_flush():
    """A transactional test (which pytest-django runs after the others, just before the demo's)
    ends with a flush that leaves no root page and no default site: put back what the
    migrations made, as serialized when the test database was created (such a test asks for
    `serialized_rollback`, so it is)."""
    from django.db import connection
    from wagtail.models import Site

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents and not Site.objects.filter(is_default_site=True).exists():
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def demo_newsroom(django_db_setup, django_db_blocker):
    """The demo newsroom (`masthead demo`), loaded once per session, for the tests about the
    reference page and the demo itself. It stays in the database for the rest of the session,
    so the tests that ask for it run last (pytest_collection_modifyitems)."""
    with django_db_blocker.unblock():
        _after_a_flush()
        loader = DemoLoader(log=lambda line: None)
        loader.load()
    _state["demo_loaded"] = True
    return loader


@pytest.fixture(autouse=True)
def _world_is_the_tests_own(request):
    """A test that did not ask for the demo must not see it (it would, run after a demo test)."""
    if _state["demo_loaded"] and not uses_demo(request.node):
        pytest.fail(
            "The demo newsroom is loaded, and this test did not ask for it: run it before the "
            "demo tests (tests/conftest.py orders them last), or ask for `demo_newsroom`."
        )


@pytest.fixture(scope="session", autouse=True)
def _urls_loaded():
    """The URLconf, and the API's schemas it imports, loaded before any test: loaded first
    inside a test's `freeze_time`, pydantic met freezegun's datetime class and refused it
    (tests/feeds/test_conditional.py, run on its own)."""
    from django.urls import get_resolver

    assert get_resolver().url_patterns


@pytest.fixture(autouse=True)
def _site_is_set_up(request):
    """In a test with the database, the default site's settings and curation exist, as in every
    newsroom once set up."""
    if "db" not in request.fixturenames and not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("db")
    from tests.factories import CurationFactory, SiteSettingsFactory, default_site

    SiteSettingsFactory(site=default_site())
    CurationFactory(site=default_site())


@pytest.fixture
def site(db):
    """The default site (the demo's, where the test asked for the demo)."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    """The default site's front page."""
    return site.root_page.specific


@pytest.fixture(autouse=True)
def fresh_page_cache_state():
    """Tests roll back their transactions, which no invalidation sees: every test starts with
    empty per-process caches."""
    from masthead.pagecache import runtime

    runtime.reset_for_tests()
    yield
    runtime.reset_for_tests()


@pytest.fixture(scope="session")
def demo_home_template(tmp_path_factory):
    """A migrated home with the demo loaded by the real commands, once per run (tests/homes.py):
    copy it with `tests.homes.copy_home` for a process test's own newsroom."""
    from tests.homes import make_demo_home

    return make_demo_home(tmp_path_factory.mktemp("demo-home-template"))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A home migrated by `masthead migrate` on SQLite, once per run (tests/homes.py): copy it
    with `tests.homes.copy_home` (or use `tests.homes.migrated_newsroom`)."""
    from tests.homes import make_migrated_home

    return make_migrated_home(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory):
    """(home, database): a database on DATABASE_URL's PostgreSQL server migrated by `masthead
    migrate`, once per run, to copy (`CREATE DATABASE ... TEMPLATE`, tests/homes.py); skipped
    when DATABASE_URL is not PostgreSQL."""
    from tests.homes import drop_postgres_database, make_migrated_home
    from tests.publishing.processes import (
        NOT_POSTGRES,
        admin_sql,
        new_database_name,
        postgres_url,
        with_database,
    )

    if postgres_url() is None:
        pytest.skip(NOT_POSTGRES)
    home = tmp_path_factory.mktemp("postgres-template")
    name = new_database_name("template")
    admin_sql(f'CREATE DATABASE "{name}"')
    try:
        make_migrated_home(home, with_database(postgres_url(), name))
        yield home, name
    finally:
        drop_postgres_database(name)
