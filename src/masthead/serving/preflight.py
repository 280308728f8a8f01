"""What `masthead serve` checks and prepares before it starts a single worker."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from masthead.serving.staticfiles import collection_is_stale


def unapplied_migrations(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    """`app.migration` names that `masthead migrate` would apply, in order."""
    executor = MigrationExecutor(connections[alias])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def require_migrated() -> None:
    """Fail with the operator's next step unless the database is fully migrated."""
    try:
        pending = unapplied_migrations()
    except DatabaseError as error:
        raise CommandError(
            f"cannot read the database ({error}). Check DATABASE_URL, or run "
            "`masthead migrate` to create it, then `masthead serve` again."
        ) from error
    if pending:
        shown = ", ".join(pending[:3]) + (", ..." if len(pending) > 3 else "")
        raise CommandError(
            f"the database is not migrated: {len(pending)} migration(s) to apply ({shown}). "
            "Run `masthead migrate`, then `masthead serve` again."
        )


def refresh_static(say: Callable[[str], None]) -> bool:
    """Collect the static files (hashed and compressed) if the collection is stale."""
    reason = collection_is_stale(staticfiles_storage)
    if reason is None:
        return False
    say(f"Collecting static files into {settings.STATIC_ROOT} ({reason}) ...")
    # No --clear: pages cached with the previous hashed names keep finding their files.
    call_command("collectstatic", interactive=False, verbosity=0)
    return True
