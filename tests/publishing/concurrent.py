"""Run by `masthead shell` in tests/publishing/test_concurrent_publish.py.

`prepare()` makes a live story and two later revisions of it, the older one first; `publish()`
publishes REVISION_ID at RACE_START_AT (epoch seconds); `inspect()` tells what readers get and
what the history says."""

import json
import os
import time

from wagtail.models import PageLogEntry, Revision

from masthead.articles.models import ArticlePage
from masthead.core.ordering import PublishConflict
from tests.publishing.stories import draft_story, scratch_section


def prepare() -> None:
    story = draft_story(scratch_section(), "Two editors, one story")
    story.save_revision().publish()
    story = ArticlePage.objects.get(pk=story.pk)
    revisions = []
    for standfirst in ("older edit", "newer edit"):
        story.standfirst = standfirst
        revisions.append(story.save_revision().pk)
    print("PREPARED " + json.dumps({"id": story.pk, "older": revisions[0], "newer": revisions[1]}))


def publish() -> None:
    revision = Revision.objects.get(pk=int(os.environ["REVISION_ID"]))
    revision.content_object  # noqa: B018  the page as the editor saw it before publishing
    time.sleep(max(0.0, float(os.environ.get("RACE_START_AT", "0")) - time.time()))
    try:
        revision.publish()
    except PublishConflict as conflict:
        print("OUTCOME " + json.dumps({"status": "refused", "message": str(conflict)}))
    else:
        print("OUTCOME " + json.dumps({"status": "published"}))


def inspect() -> None:
    story = ArticlePage.objects.get(pk=int(os.environ["STORY_ID"]))
    published = PageLogEntry.objects.filter(page=story, action="wagtail.publish").order_by("pk")
    print(
        "STATE "
        + json.dumps(
            {
                "standfirst": story.standfirst,
                "live_revision": story.live_revision_id,
                "last_published_revision": published.last().revision_id,
            }
        )
    )
