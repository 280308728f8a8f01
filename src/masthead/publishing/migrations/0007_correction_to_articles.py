"""The corrections log now belongs to the articles app (articles 0007): forget the model here,
in Django's state only; its table and rows stay and are the articles app's from now on."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0006_lift_embargo_right"),
        ("articles", "0007_correction_from_publishing"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Correction")],
            database_operations=[],
        ),
    ]
