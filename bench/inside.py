"""What the bench does inside Masthead, run as `python -m bench.inside COMMAND` with
MASTHEAD_HOME set to a corpus home; each command prints one line of JSON.

    count      how many stories the home has
    urls       what the load scenarios request: story paths, a section, search queries
    pages      one URL of each reader page type
    queries URL  the SQL queries of that page, rendered past the page cache
    publish    publish a change to the newest story's headline (for publish-to-fresh)
    newest     the URLs that change affects
    publisher  publish once per marker read from stdin (bench/freshness.py)
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from urllib.parse import urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

MARKER = re.compile(r" \(bench \d+\)$")


def setup() -> None:
    import django

    django.setup()


def newest_story():
    from masthead.articles.models import ArticlePage
    from masthead.articles.queries import newest_first

    return newest_first(ArticlePage.objects.live()).first()


def count() -> dict:
    from masthead.articles.models import ArticlePage

    return {"stories": ArticlePage.objects.count()}


def urls(stories: int = 2000, searches: int = 50) -> dict:
    import random

    from wagtail.models import Site

    from masthead.articles.models import ArticlePage

    root = Site.objects.get(is_default_site=True).root_page.url_path
    story_paths = ArticlePage.objects.live().values_list("url_path", flat=True)
    rng = random.Random(7)  # noqa: S311 (a sample of pages, not a secret)
    paths = ["/" + path.removeprefix(root) for path in story_paths]
    sample = rng.sample(paths, min(stories, len(paths)))
    titles = ArticlePage.objects.live().order_by("-pk").values_list("title", flat=True)
    words = sorted({max(re.findall(r"[A-Za-z]{4,}", title), key=len) for title in titles[:500]})
    story = newest_story()
    return {
        "story": story.url,
        "stories": sample,
        "section": story.get_parent().url,
        "searches": [f"/search/?q={word}" for word in rng.sample(words, min(searches, len(words)))],
    }


def reader_urls(client) -> dict[str, str]:
    """One URL of each reader page type, around the newest story."""
    from masthead.articles.models import ArticleByline

    story = newest_story()
    author = ArticleByline.objects.filter(page__live=True).order_by("-page_id").first()
    word = max(re.findall(r"[A-Za-z]+", story.title), key=len)
    index = client.get("/sitemap.xml").content.decode()
    first_part = urlsplit(re.findall(r"<loc>([^<]+)</loc>", index)[0]).path
    return {
        "home": "/",
        "section": story.get_parent().url,
        "article": story.url,
        "tag": f"/tags/{story.tags.first().slug}/",
        "author": f"/authors/{author.person.slug}/",
        "feed": "/feed/",
        "sitemap": "/sitemap.xml",
        "sitemap part": first_part,
        "search": f"/search/?q={word}",
    }


def pages() -> dict:
    from django.test import Client

    return reader_urls(Client())


def queries(url: str) -> dict:
    """One page, twice, past the page cache (a session cookie makes it step aside), after the
    front page (the site-wide blocks, navigation and settings, are computed once per process,
    as in a running server): the queries of the first and the second request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.cookies["sessionid"] = "bench"  # not a valid session key: no session is loaded
    client.get("/")
    counts, seconds = [], []
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
        counts.append(len(captured.captured_queries))
    return {
        "url": url,
        "cold": counts[0],
        "warm": counts[1],
        "status": response.status_code,
        "warm_ms": round(seconds[1] * 1000, 1),
        "cache": response.get("X-Masthead-Cache"),
    }


def newest() -> dict:
    """The URLs a change to the newest story affects (what `publish` changes)."""
    story = newest_story()
    return affected(story)


def affected(story) -> dict:
    return {"article": story.url, "section": story.get_parent().url, "home": "/", "feed": "/feed/"}


def publish(marker: str | None = None) -> dict:
    """Change the newest story's headline and publish it as an editor would; `published_at` is
    the moment just before publishing (the editor's click)."""
    story = newest_story()
    marker = marker or f"bench {time.time_ns() // 1_000_000 % 1_000_000_000}"
    story.title = f"{MARKER.sub('', story.title)} ({marker})"
    story.draft_title = story.title
    revision = story.save_revision()
    clicked = time.time()
    revision.publish()
    done = time.time()
    return {
        "marker": marker,
        "published_at": clicked,
        "publish_seconds": round(done - clicked, 3),
        "urls": affected(story),
    }


def publisher() -> dict:
    """Publish once per marker read from stdin (one a line), answering each with `publish`'s
    JSON: one process for many publishes, so none waits for Django to start."""
    for line in sys.stdin:
        print(json.dumps(publish(line.strip())), flush=True)
    return {"done": True}


COMMANDS = {
    "count": count,
    "urls": urls,
    "pages": pages,
    "queries": queries,
    "publish": publish,
    "newest": newest,
    "publisher": publisher,
}


def main() -> None:
    command = COMMANDS[sys.argv[1]]
    setup()
    print(json.dumps(command(*sys.argv[2:])), flush=True)


if __name__ == "__main__":
    main()
