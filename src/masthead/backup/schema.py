"""What a backup records of the schema and content, and what this code can take back."""

from __future__ import annotations

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder


def applied_migrations(alias: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """{app label: [migration names applied]}, sorted."""
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[alias]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {label: sorted(names) for label, names in sorted(applied.items())}


def unknown_migrations(archived: dict[str, list[str]]) -> list[str]:
    """`app.migration` names the archive's database has applied that this code does not have."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{label}.{name}"
        for label, names in sorted(archived.items())
        for name in names
        if (label, name) not in known
    ]


def row_counts(alias: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows per model (concrete, managed models only), e.g. {"wagtailcore.revision": 844}."""
    return {
        model._meta.label_lower: model._base_manager.using(alias).count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
