"""The right to shorten or lift an embargo, for the roles that hold it (the chief editor)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from masthead.publishing.roles import LIFT_EMBARGO, LIFT_EMBARGO_ROLES


def forwards(apps, schema_editor):
    articles = apps.get_app_config("articles")
    articles.models_module = True
    create_permissions(articles, apps=apps, verbosity=0)
    articles.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = LIFT_EMBARGO
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    for group in Group.objects.filter(name__in=LIFT_EMBARGO_ROLES):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0005_role_media_permissions"),
        ("articles", "0005_lift_embargo_permission"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
