"""Index the existing curation rows in Wagtail's reference index (new rows are indexed on save).

It uses the current models: the reference index reads a model's fields as the code defines them.
"""

from django.db import migrations


def index_curations(apps, schema_editor):
    from wagtail.models import ReferenceIndex

    from masthead.curation.models import Curation

    for curation in Curation.objects.all():
        ReferenceIndex.create_or_update_for_object(curation)


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0003_breaking_news_banner"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [migrations.RunPython(index_curations, migrations.RunPython.noop)]
