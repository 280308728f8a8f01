"""Give every tag whose slug came out empty ("🙂", "#", "—") one that makes an address."""

from django.db import migrations


def repair_tag_slugs(apps, schema_editor):
    from masthead.articles import tags

    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.order_by("pk"):
        if not tags.is_usable(tag.slug):
            tag.slug = tags.unique_slug(Tag, tag.name, tag.pk)
            tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_lift_embargo_permission"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(repair_tag_slugs, migrations.RunPython.noop)]
