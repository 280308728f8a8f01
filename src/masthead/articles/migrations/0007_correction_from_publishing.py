"""The corrections log moves from the publishing app to the story's: the model only, in Django's
state. Its table (publishing_correction) and rows stay where they are; the content type (and with
it the model's permissions) is renamed to the articles app."""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.db import migrations, models


def rename_content_type(apps, schema_editor, old="publishing", new="articles"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=new, model="correction").exists():
        ContentType.objects.using(db).filter(app_label=old, model="correction").update(
            app_label=new
        )


def restore_content_type(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="articles", new="publishing")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_usable_tag_slugs"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publishing", "0006_lift_embargo_right"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Correction",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("correction", "Correction"),
                                    ("clarification", "Clarification"),
                                    ("update", "Update"),
                                ],
                                default="correction",
                                max_length=20,
                            ),
                        ),
                        (
                            "text",
                            models.TextField(
                                help_text="What was wrong and what is right now, for readers."
                            ),
                        ),
                        (
                            "noted_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                help_text="When the note was made.",
                            ),
                        ),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="corrections",
                                to="articles.articlepage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "correction or update",
                        "db_table": "publishing_correction",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, restore_content_type),
    ]
