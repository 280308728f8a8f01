"""A story with corrections and revisions, made and read by whichever Masthead is on the path.

Run as a script in a subprocess (`python migration_world.py make|read`), with MASTHEAD_HOME set:
`make` builds the story at the code of an older commit, `read` reads it back after the newer
code migrated the same database. Both print what they saw as JSON. It finds the corrections
through the story (`ArticlePage.corrections`), so it runs unchanged on either side of a move of
the model between apps.
"""

import json
import os
import sys
from datetime import UTC, datetime


def make() -> dict:
    from wagtail.models import Page

    from masthead.articles.models import ArticlePage
    from masthead.sections.models import HomePage, SectionPage

    correction = ArticlePage._meta.get_field("corrections").related_model
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Migrated front", slug="migrated-front"))
    section = home.add_child(instance=SectionPage(title="World", slug="world"))
    story = section.add_child(
        instance=ArticlePage(
            title="A story that was corrected",
            slug="corrected-story",
            standfirst="What happened, first told wrongly",
            body=[("paragraph", "<p>The first paragraph.</p>")],
            published_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        )
    )
    story.corrections.add(correction(kind="correction", text="The year was wrong."))
    story.save_revision().publish()
    story = ArticlePage.objects.get(pk=story.pk)
    story.corrections.add(correction(kind="update", text="The minister has answered."))
    story.save_revision()  # a draft with both notes, on top of the live one with one
    return read()


def read() -> dict:
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision

    from masthead.articles.models import ArticlePage

    correction = ArticlePage._meta.get_field("corrections").related_model
    story = ArticlePage.objects.get(slug="corrected-story")
    revisions = Revision.page_revisions.filter(object_id=str(story.pk)).order_by("pk")
    return {
        "model": correction._meta.label_lower,
        "table": correction._meta.db_table,
        "content_types": sorted(
            f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.filter(model="correction")
        ),
        "rows": sorted(
            [note.pk, note.page_id, note.kind, note.text]
            for note in correction.objects.order_by("pk")
        ),
        "live": sorted(note.text for note in story.corrections.all()),
        "revisions": [
            sorted(note.text for note in revision.as_object().corrections.all())
            for revision in revisions
        ],
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    import masthead

    result = {"make": make, "read": read}[sys.argv[1]]()
    print(json.dumps({"code": os.path.dirname(masthead.__file__), **result}))
