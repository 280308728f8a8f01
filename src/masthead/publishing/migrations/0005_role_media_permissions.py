"""Image and document rights for the newsroom roles, on the root collection.

Wagtail checks image and document permissions per collection: model-level rights alone leave
the image chooser without its upload tab.
"""

from django.db import migrations

from masthead.publishing.roles import ROLE_COLLECTION_PERMISSIONS


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for role, rights in ROLE_COLLECTION_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is None:
            continue
        for app_label, codename in rights:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [("publishing", "0004_embargo_dateline_corrections")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
