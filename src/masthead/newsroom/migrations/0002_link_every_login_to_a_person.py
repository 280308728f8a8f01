"""Every existing login gets a person (their byline), as new ones do when they are created."""

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify


def link(apps, schema_editor):
    user_model = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    person_model = apps.get_model("people", "Person")
    for user in user_model.objects.filter(person__isnull=True):
        name = f"{user.first_name} {user.last_name}".strip() or user.username
        base = slugify(name, allow_unicode=True)[:190] or "person"
        slug, n = base, 1
        while person_model.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        person_model.objects.create(name=name, slug=slug, kind="person", user=user)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("people", "0002_person_website_scheme"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
