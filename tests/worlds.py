"""Worlds built once per test module: `module_world(build)` makes a module-scoped fixture that
runs `build()` in a transaction of its own, rolled back after the module's last test. Each test
runs inside it in a savepoint of its own (pytest-django's `db`), so what a test writes is undone
after it as usual, and no other module sees the world. For the modules whose tests read the same
costly world (docs/testing.md): the world is made once instead of once per test."""

import pytest
from django.db import connection, transaction

from masthead.pagecache import runtime


def module_world(build):
    """A module-scoped fixture returning `build()`'s world. Hand out fresh copies of its pages
    (see `Newsroom.fresh`) where a test could change them in memory."""

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        from tests.factories import CurationFactory, SiteSettingsFactory, default_site

        if connection.in_atomic_block:
            raise RuntimeError(
                f"{build.__name__}: a module's world must be set up before any test's "
                "transaction: ask for it as a test's argument or in usefixtures, not from "
                "a function-scoped fixture's getfixturevalue"
            )
        with django_db_blocker.unblock(), transaction.atomic():
            SiteSettingsFactory(site=default_site())
            CurationFactory(site=default_site())
            built = build()
            runtime.reset_for_tests()
            yield built
            transaction.set_rollback(True)
        runtime.reset_for_tests()

    world.__doc__ = build.__doc__
    return world
