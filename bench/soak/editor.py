"""The soak's editor: a long-lived Django process with the servers' settings (`python -m
bench.soak.editor`), which does what an editor's clicks do, through Wagtail's own code path
(`save_revision().publish()`, `unpublish()`), so signals, invalidation and purges run as in
production. It reads one JSON command a line on stdin and answers one JSON line on stdout:

    {"op": "urls"}                    the reader URLs, by page type
    {"op": "publish"}                 a new story, published
    {"op": "correct", "id": 12}       a Correction added, the headline changed, republished
    {"op": "pull", "id": 12}          unpublished (its address answers 410)
    {"op": "schedule", "seconds": 4}  a new story scheduled that many seconds ahead
    {"op": "state", "id": 12}         live or not, and how many times it was published

`clicked` in an answer is the moment before the publish (the editor's click). An error is
answered as {"ok": false, "error": ...} and the database connection dropped, so that the next
command reconnects (after a PostgreSQL restart, say).
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from datetime import timedelta

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled")
SECTION_SLUG = "world"


def marker() -> str:
    return f"soak{time.time_ns() // 1000 % 10**11}"


def section():
    from masthead.sections.models import SectionPage

    sections = SectionPage.objects.live().order_by("depth", "path")
    return sections.filter(slug=SECTION_SLUG).first() or sections.first()


def affected(story) -> list[str]:
    return [story.url, story.get_parent().url, "/", "/feed/"]


def new_story(title: str):
    from masthead.articles.models import ArticlePage

    story = ArticlePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        standfirst=f"The soak's story: {title}.",
        body=[("paragraph", f"<p>A story the soak publishes ({title}).</p>")],
        live=False,
    )
    section().add_child(instance=story)
    return story


def committed(action) -> float:
    """Run `action` (an editor's publish or unpublish) in a transaction; the moment it committed,
    before anything the commit sets off (the outbox's relay runs on commit too, after this)."""
    from django.db import transaction

    moments = []
    with transaction.atomic():
        transaction.on_commit(lambda: moments.append(time.time()))
        action()
    return moments[0]


def publish_revision(story, mark: str) -> dict:
    """Publish a new revision of `story` as the editor's Publish button does; the change."""
    revision = story.save_revision()
    clicked = time.time()
    done = committed(revision.publish)
    return {
        "id": story.pk,
        "marker": mark,
        "clicked": clicked,
        "committed": done,
        "urls": affected(story),
    }


def publish(command: dict) -> dict:
    mark = marker()
    story = new_story(f"Soak story {mark}")
    return publish_revision(story, mark)


def correct(command: dict) -> dict:
    from masthead.articles.models import ArticlePage, Correction

    story = ArticlePage.objects.get(pk=command["id"])
    mark = marker()
    story.title = f"{story.title.split(' corrected ')[0]} corrected {mark}"
    story.draft_title = story.title
    story.corrections.add(Correction(text=f"An earlier version was wrong ({mark})."))
    return publish_revision(story, mark)


def pull(command: dict) -> dict:
    from masthead.articles.models import ArticlePage

    story = ArticlePage.objects.get(pk=command["id"])
    urls = affected(story)
    clicked = time.time()
    done = committed(story.unpublish)
    return {"id": story.pk, "clicked": clicked, "committed": done, "urls": urls}


def schedule(command: dict) -> dict:
    from django.utils import timezone

    mark = marker()
    story = new_story(f"Soak scheduled {mark}")
    due = timezone.now() + timedelta(seconds=command["seconds"])
    story.go_live_at = due
    revision = story.save_revision()
    revision.publish()
    revision.refresh_from_db()
    if revision.approved_go_live_at is None:
        raise RuntimeError(f"{story.title!r} went live at once")
    return {"id": story.pk, "marker": mark, "due": due.timestamp(), "urls": affected(story)}


def state(command: dict) -> dict:
    from wagtail.models import PageLogEntry

    from masthead.articles.models import ArticlePage

    story = ArticlePage.objects.get(pk=command["id"])
    entries = PageLogEntry.objects.filter(page_id=story.pk, action__in=PUBLISH_ACTIONS)
    published = story.last_published_at
    return {
        "id": story.pk,
        "live": story.live,
        "publishes": entries.count(),
        "url": story.url,
        "published_at": published.timestamp() if published else None,
    }


def urls(command: dict) -> dict:
    """A spread of every reader page type (stories sampled from the corpus)."""
    from taggit.models import Tag

    from masthead.articles.models import ArticleByline, ArticlePage, ArticleTag
    from masthead.people.models import Person
    from masthead.sections.models import SectionPage

    rng = random.Random(10)  # noqa: S311 (a sample, not a secret)
    stories = list(ArticlePage.objects.live().values_list("pk", flat=True))
    sample = rng.sample(stories, min(300, len(stories)))
    story_urls = [page.url for page in ArticlePage.objects.filter(pk__in=sample)]
    sections = [page.url for page in SectionPage.objects.live()]
    credited = ArticleByline.objects.filter(page__live=True).values("person")
    people = Person.objects.filter(pk__in=credited).values_list("slug", flat=True)
    tags = list(
        Tag.objects.filter(pk__in=ArticleTag.objects.values("tag")).values_list("slug", flat=True)
    )
    words = ["market", "election", "talks", "storm", "rates", "court", "league", "energy"]
    return {
        "home": ["/"],
        "section": sections,
        "story": story_urls,
        "tag": [f"/tags/{slug}/" for slug in tags[:30]],
        "author": [f"/authors/{slug}/" for slug in list(people)[:30]],
        "feed": ["/feed/", "/feed/atom/", *[f"{url}feed/" for url in sections[:4]]],
        "sitemap": ["/sitemap.xml", "/news-sitemap.xml", "/corrections/"],
        "search": [f"/search/?q={word}" for word in words],
    }


COMMANDS = {
    "publish": publish,
    "correct": correct,
    "pull": pull,
    "schedule": schedule,
    "state": state,
    "urls": urls,
}


def answer(command: dict) -> dict:
    from django.db import connection

    try:
        return {"ok": True, **COMMANDS[command["op"]](command)}
    except Exception as error:  # noqa: BLE001 (reported to the soak, which records it)
        traceback.print_exc(file=sys.stderr)
        connection.close()
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}


def main() -> None:
    import django

    django.setup()
    print(json.dumps({"ok": True, "ready": True}), flush=True)
    for line in sys.stdin:
        started = time.time()
        reply = answer(json.loads(line))
        reply["seconds"] = round(time.time() - started, 3)
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
