"""The chief editor, who edits the site settings, edits the menus too (Settings > Menus).

The group's name is written out, not imported: masthead.publishing sits above this app
(docs/architecture.md); the dependency only orders the migrations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CHIEF_EDITOR = "Chief editor"  # masthead.publishing.roles.CHIEF_EDITOR
MENU_PERMISSION = "change_menusettings"


def _permission(apps):
    pages = apps.get_app_config("pages")
    pages.models_module = True
    create_permissions(pages, apps=apps, verbosity=0)
    pages.models_module = None
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="pages", codename=MENU_PERMISSION
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
        ("pages", "0001_initial"),
        ("publishing", "0003_newsroom_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
