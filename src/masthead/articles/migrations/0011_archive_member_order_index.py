"""The stories' dates required in the archive's memberships, and their lists' order indexed;
the lists filled from the stories where they never were (see `fill_from_nothing`)."""

from django.db import migrations, models


def fill_from_nothing(apps, schema_editor):
    """A database whose stories were published before the tables existed (0008 left them
    empty): every list from the stories, by the code of this version (`archive.fill`), which
    writes the tables as they are now. A later migration of these tables moves this to its end."""
    members = apps.get_model("articles", "ArchiveMember").objects.using(
        schema_editor.connection.alias
    )
    stories = apps.get_model("articles", "ArticlePage").objects.using(
        schema_editor.connection.alias
    )
    if members.exists() or not stories.exists():
        return
    from masthead.articles import archive

    archive.fill()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_archive_member_dates"),
    ]

    operations = [
        migrations.AlterField(
            model_name="archivemember",
            name="published_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="archivemember",
            index=models.Index(
                fields=["kind", "ref", "published_at", "page"], name="archive_member_order"
            ),
        ),
        migrations.RunPython(fill_from_nothing, migrations.RunPython.noop),
    ]
