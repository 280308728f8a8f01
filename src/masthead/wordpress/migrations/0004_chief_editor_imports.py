"""The chief editor may import from WordPress in the admin (the permission `import_wordpress`).

The group's name is written out, not imported: masthead.publishing is this app's sibling
(docs/architecture.md); the dependency only orders the migrations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CHIEF_EDITOR = "Chief editor"  # masthead.publishing.roles.CHIEF_EDITOR
PERMISSION = "import_wordpress"


def _permission(apps):
    config = apps.get_app_config("wordpress")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="wordpress", codename=PERMISSION
    )


def forwards(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name=CHIEF_EDITOR):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name=CHIEF_EDITOR):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("wordpress", "0003_import_runs"),
        ("publishing", "0003_newsroom_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
