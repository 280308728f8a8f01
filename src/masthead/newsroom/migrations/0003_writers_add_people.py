"""Writers may add a person or an organisation from the story's person chooser."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from masthead.publishing.roles import ADD_PERSON, ADD_PERSON_ROLES


def _permission(apps):
    people = apps.get_app_config("people")
    people.models_module = True
    create_permissions(people, apps=apps, verbosity=0)
    people.models_module = None
    app_label, codename = ADD_PERSON
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def forwards(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ADD_PERSON_ROLES):
        group.permissions.add(permission)


def backwards(apps, schema_editor):
    permission = _permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ADD_PERSON_ROLES):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_link_every_login_to_a_person"),
        ("publishing", "0003_newsroom_roles_and_review_workflow"),
        ("people", "0002_person_website_scheme"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
