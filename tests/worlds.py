"""Worlds built once per test module: `module_world(build)` makes a module-scoped fixture that
runs `build()` in a transaction of its own, rolled back after the module's last test. Each test
runs inside it in a savepoint of its own (pytest-django's `db`), so what a test writes is undone
after it as usual, and no other module sees the world. For the modules whose tests read the same
costly world (docs/testing.md): the world is made once instead of once per test."""

import pytest
from django.db import connections, transaction

from masthead.pagecache import runtime


def module_world(build):
    """A module-scoped fixture returning `build()`'s world. The objects it returns are shared by
    the module's tests: a test that changes a page reads it from the database first."""

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        from tests.factories import CurationFactory, SiteSettingsFactory, default_site

        connection = connections["default"]
        if connection.in_atomic_block:
            raise RuntimeError(
                f"{build.__name__}: a module's world must be set up before any test's "
                "transaction: ask for it as a test's argument or in usefixtures, not from "
                "a function-scoped fixture's getfixturevalue"
            )
        # A response the test closes itself (`response.close()`, outside the test client's
        # request) sends request_finished, whose close_old_connections would close the
        # connection in the middle of the transaction, and the world with it.
        connection.close_if_unusable_or_obsolete = lambda: None
        try:
            with django_db_blocker.unblock(), transaction.atomic():
                SiteSettingsFactory(site=default_site())
                CurationFactory(site=default_site())
                built = build()
                runtime.reset_for_tests()
                yield built
                transaction.set_rollback(True)
        finally:
            del connection.close_if_unusable_or_obsolete
            runtime.reset_for_tests()

    world.__doc__ = build.__doc__
    return world
