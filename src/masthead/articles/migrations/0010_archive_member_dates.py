"""Each membership with its story's public date, and the section each story is filed in.

The dates come from the stories in one UPDATE, the new lists from the memberships already kept
(a story's section rows hold its parent's) in one INSERT .. SELECT, and their totals in one
more: set-based statements, not the whole archive read into Python and written again. (The
column becomes required, and indexed, in the next migration: PostgreSQL alters no table with
rows written in the same transaction whose foreign keys are still to be checked.)
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_dates_and_filed(apps, schema_editor):
    member = apps.get_model("articles", "ArchiveMember")
    story = apps.get_model("articles", "ArticlePage")
    db = schema_editor.connection.alias
    dates = story.objects.filter(pk=OuterRef("page_id")).values("published_at")[:1]
    member.objects.using(db).update(published_at=Subquery(dates))
    member.objects.using(db).filter(published_at__isnull=True).delete()  # none: kept dated
    q = schema_editor.quote_name
    tables = {
        name: q(apps.get_model(app, model)._meta.db_table)
        for name, (app, model) in {
            "members": ("articles", "ArchiveMember"),
            "totals": ("articles", "ArchiveTotal"),
            "pages": ("wagtailcore", "Page"),
        }.items()
    }
    columns = "page_id, root, kind, ref, modified, published_at"
    with schema_editor.connection.cursor() as cursor:
        # A story's section rows hold its parent: the one a level above the story.
        cursor.execute(
            f"INSERT INTO {tables['members']} ({columns}) "  # noqa: S608 (table names)
            "SELECT m.page_id, m.root, %s, m.ref, m.modified, m.published_at "
            f"FROM {tables['members']} m "
            f"JOIN {tables['pages']} s ON s.id = m.page_id "
            f"JOIN {tables['pages']} p ON p.id = m.ref "
            "WHERE m.kind = %s AND p.depth = s.depth - 1",
            ["filed", "section"],
        )
        cursor.execute(
            f"INSERT INTO {tables['totals']} (root, kind, ref, {q('count')}, lastmod) "  # noqa: S608
            "SELECT root, kind, ref, COUNT(*), MAX(modified) "
            f"FROM {tables['members']} WHERE kind = %s GROUP BY root, kind, ref",
            ["filed"],
        )


def forget_filed(apps, schema_editor):
    db = schema_editor.connection.alias
    for model in ("ArchiveMember", "ArchiveTotal"):
        apps.get_model("articles", model).objects.using(db).filter(kind="filed").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_index_the_totals_by_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="archivemember",
            name="published_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(fill_dates_and_filed, forget_filed),
    ]
