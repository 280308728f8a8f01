"""Contributors send their stories into their desk's review, as reporters do (issue 13)."""

from django.db import migrations

from masthead.publishing.roles import CONTRIBUTOR


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="publishing", codename="submit_for_review"
    ).first()
    group = Group.objects.filter(name=CONTRIBUTOR).first()
    if permission is not None and group is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0007_correction_to_articles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
