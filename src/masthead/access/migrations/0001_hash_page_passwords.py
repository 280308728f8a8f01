"""Hash the page passwords stored in plain text before this migration."""

from django.contrib.auth.hashers import identify_hasher, make_password
from django.db import migrations


def _is_hashed(value):
    try:
        identify_hasher(value)
    except ValueError:
        return False
    return True


def hash_stored_passwords(apps, schema_editor):
    model = apps.get_model("wagtailcore", "PageViewRestriction")
    for restriction in model.objects.exclude(password="").order_by("pk"):
        if not _is_hashed(restriction.password):
            restriction.password = make_password(restriction.password)
            restriction.save(update_fields=["password"])


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(hash_stored_passwords, migrations.RunPython.noop)]
