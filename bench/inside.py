"""What the bench does inside Masthead, run as `python -m bench.inside COMMAND` with
MASTHEAD_HOME set to a corpus home; each command prints one line of JSON.

    count      how many stories the home has
    urls [N]   what the load scenarios request: N story paths (2,000), a section, searches
    pages      one URL of each reader page type
    archive    the archive pages (first, 1,000th and last pages of the largest listings,
               sitemaps, feeds), each timed past the page cache, in one process
    queries URL  the SQL queries of that page, rendered past the page cache
    explain URL...  PostgreSQL: each page's queries (past the page cache), each EXPLAIN
               ANALYZEd three times: the sum of their best execution times, and the slowest
    news-window DAYS  the news sitemap with its two days' window widened to DAYS (a small
               corpus then has as many stories in it as 100,000 have in two days)
    memory [N]   what one process keeps from N distinct story renders (tracemalloc, modules)
    publish    publish a change to the newest story's headline (for publish-to-fresh)
    newest     the URLs that change affects
    publisher  publish once per marker read from stdin (bench/freshness.py)
    export FILE  every live story's headline, standfirst and body HTML, as JSON lines, oldest
               first (the yardstick site is built from them: bench/yardstick/)
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


def urls(stories: int | str = 2000, searches: int = 50) -> dict:
    import random

    stories = int(stories)
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


def archive_urls() -> dict[str, str]:
    """The first, the 1,000th (where there is one) and the last page of the largest section,
    tag and author; the feeds (the site's, and the largest section's, tag's and author's), the
    sitemap index, each of its parts and the news sitemap."""
    import math

    from django.db.models import Count

    from masthead.articles.models import ArticleByline, ArticleTag
    from masthead.articles.queries import public_stories
    from masthead.core.tree import below
    from masthead.reader.listings import SECTION_PAGE_SIZE
    from masthead.sections.models import SectionPage

    stories = public_stories()
    sections = [(s, stories.filter(below(s)).count()) for s in SectionPage.objects.live()]
    section, in_section = max(sections, key=lambda pair: pair[1])
    tag, tagged = (
        ArticleTag.objects.values_list("tag__slug").annotate(n=Count("pk")).order_by("-n").first()
    )
    author, credited = (
        ArticleByline.objects.values_list("person__slug")
        .annotate(n=Count("page", distinct=True))
        .order_by("-n")
        .first()
    )
    urls = {}
    for name, url, count in (
        ("section", section.url, in_section),
        ("tag", f"/tags/{tag}/", tagged),
        ("author", f"/authors/{author}/", credited),
    ):
        pages = math.ceil(count / SECTION_PAGE_SIZE)
        urls[f"{name} first"] = url
        if pages > 1_000:
            urls[f"{name} p1000"] = f"{url}?page=1000"
        urls[f"{name} last"] = f"{url}?page={pages}"
    urls |= {"feed": "/feed/", "section feed": f"{section.url}feed/"}
    urls |= {"tag feed": f"/tags/{tag}/feed/", "author feed": f"/authors/{author}/feed/"}
    urls["sitemap"] = "/sitemap.xml"
    return urls


def archive() -> dict:
    """Each archive page rendered past the page cache, after a first render (as `queries`):
    its queries and the best of three times, in milliseconds."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.cookies["sessionid"] = "bench"
    client.get("/")
    urls = archive_urls()
    index = client.get("/sitemap.xml").content.decode()
    for location in re.findall(r"<loc>([^<]+)</loc>", index):
        path = urlsplit(location).path + (f"?{urlsplit(location).query}" if "?" in location else "")
        urls[f"sitemap {path.removeprefix('/sitemap-').removesuffix('.xml')}"] = path
    urls["news sitemap"] = "/news-sitemap.xml"
    pages = {}
    for name, url in urls.items():
        client.get(url)
        times = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
        pages[name] = {
            "url": url,
            "status": response.status_code,
            "warm": len(captured.captured_queries),
            "warm_ms": round(min(times) * 1000, 1),
        }
    return pages


def explain(*paths: str) -> dict:
    """PostgreSQL: the queries of each page rendered past the page cache (after a first render),
    each run three times under `EXPLAIN (ANALYZE, TIMING OFF)`: the database's own time, which
    the load of other processes on the machine moves less than a page's. Per page: queries,
    the sum of their best execution times and the slowest's, in milliseconds."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.cookies["sessionid"] = "bench"
    client.get("/")
    pages = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        best = []
        for query in captured.captured_queries:
            runs = []
            for _ in range(3):
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, TIMING OFF) {query['sql']}")
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                runs.append(float(re.search(r"Execution Time: ([\d.]+) ms", plan)[1]))
            best.append(min(runs))
        pages[path] = {
            "queries": len(best),
            "database_ms": round(sum(best), 2),
            "slowest_ms": round(max(best, default=0.0), 2),
        }
    return pages


def news_window(days: str) -> dict:
    """The news sitemap with its window widened to `days`, past the page cache, after a first
    render: its URLs, queries, and the best of seven renders' wall and CPU (user + system,
    this process's, the database's too on SQLite) milliseconds. The news sitemap grows with
    the stories of its window (at most 1,000), not with the archive: this compares it at
    equal URLs across corpus sizes."""
    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from masthead.feeds import sitemap_entries

    sitemap_entries.NEWS_WINDOW = timedelta(days=float(days))
    client = Client()
    client.cookies["sessionid"] = "bench"
    client.get("/")
    client.get("/news-sitemap.xml")
    walls, cpus = [], []
    for _ in range(7):
        with CaptureQueriesContext(connection) as captured:
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get("/news-sitemap.xml")
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    return {
        "days": float(days),
        "urls": response.content.count(b"<url>"),
        "queries": len(captured.captured_queries),
        "wall_ms": round(min(walls) * 1000, 1),
        "cpu_ms": round(min(cpus) * 1000, 1),
    }


def memory(pages: int | str = 2000) -> dict:
    """What one process keeps from rendering `pages` distinct stories past the page cache:
    tracemalloc's growth by line (traced from after the first 100 renders, so the code's
    imports and the site-wide blocks are already there), the modules imported (after setup,
    after the first request, at the end, by top-level package) and VmRSS at each step."""
    import gc
    import tracemalloc
    from collections import Counter
    from pathlib import Path

    from django.test import Client

    def rss() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
        return 0.0

    paths = urls(pages)["stories"]
    steps = {"setup": {"modules": len(sys.modules), "rss_mb": rss()}}
    client = Client()
    client.cookies["sessionid"] = "bench"
    client.get("/")
    steps["first request"] = {"modules": len(sys.modules), "rss_mb": rss()}
    for path in paths[:100]:
        client.get(path)
    gc.collect()
    steps["100 stories"] = {"modules": len(sys.modules), "rss_mb": rss()}
    tracemalloc.start(12)
    before = tracemalloc.take_snapshot()
    for path in paths[100:]:
        client.get(path)
    gc.collect()
    after = tracemalloc.take_snapshot()
    traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    steps[f"{len(paths):,} stories"] = {"modules": len(sys.modules), "rss_mb": rss()}
    grown = [
        {
            "where": str(stat.traceback[0]),
            "kb": round(stat.size_diff / 1024),
            "blocks": stat.count_diff,
        }
        for stat in after.compare_to(before, "lineno")[:15]
    ]
    chains = [
        {"kb": round(stat.size_diff / 1024), "traceback": [str(frame) for frame in stat.traceback]}
        for stat in after.compare_to(before, "traceback")[:5]
    ]
    packages = Counter(name.split(".")[0] for name in sys.modules)
    return {
        "steps": steps,
        "traced_kb_at_end": round(traced / 1024),
        "grown": grown,
        "chains": chains,
        "modules_by_package": dict(packages.most_common(25)),
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


def export(path: str) -> dict:
    from pathlib import Path

    from bench.yardstick.copy import body_html
    from masthead.articles.models import ArticlePage

    stories = ArticlePage.objects.live().order_by("pk").values_list("title", "standfirst", "body")
    written = 0
    with Path(path).open("w") as out:
        for title, standfirst, body in stories.iterator(chunk_size=1000):
            blocks = [(block["type"], block["value"]) for block in body.raw_data]
            story = {"title": title, "intro": standfirst, "body": body_html(blocks)}
            out.write(json.dumps(story) + "\n")
            written += 1
    return {"stories": written, "file": path}


COMMANDS = {
    "count": count,
    "urls": urls,
    "pages": pages,
    "queries": queries,
    "archive": archive,
    "news-window": news_window,
    "explain": explain,
    "memory": memory,
    "publish": publish,
    "newest": newest,
    "publisher": publisher,
    "export": export,
}


def main() -> None:
    command = COMMANDS[sys.argv[1]]
    setup()
    print(json.dumps(command(*sys.argv[2:])), flush=True)


if __name__ == "__main__":
    main()
