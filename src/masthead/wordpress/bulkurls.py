"""Old URLs in bulk: `oldurls.py`'s rules for many pages at once, with a few queries per batch
instead of a few per URL (the batches of new stories, and the attachment pages at the end)."""

from __future__ import annotations

from django.urls import Resolver404, resolve
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from masthead.wordpress import oldurls
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import Outcome

COLLISION = "the old URL is one of Masthead's own: Masthead's answer is kept"  # as oldurls.py
CHUNK = 500


def remember_attachment_pages(site_url: str, outcome: Outcome) -> None:
    """`oldurls.remember_attachment_pages`: an attachment's page → the live story it belongs
    to, by chunks of attachments."""
    rows = ImportedObject.objects.filter(site_url=site_url, kind="attachment").exclude(old_url="")
    chunk = []
    for row in rows.only("old_url", "data").iterator(chunk_size=CHUNK):
        chunk.append((row.old_url, row.data.get("parent") or 0))
        if len(chunk) == CHUNK:
            _attachment_pages(site_url, chunk, outcome)
            chunk = []
    _attachment_pages(site_url, chunk, outcome)


def _attachment_pages(site_url: str, chunk, outcome: Outcome) -> None:
    if not chunk:
        return
    posts = dict(
        ImportedObject.objects.filter(
            site_url=site_url, kind="post", wp_id__in={parent for _url, parent in chunk}
        ).values_list("wp_id", "object_id")
    )
    pages = Page.objects.filter(pk__in=set(posts.values()), live=True).in_bulk()
    links = [
        (url, pages[posts[parent]])
        for url, parent in chunk
        if parent in posts and posts[parent] in pages
    ]
    for path, kind, note in redirect_old_links(links, kind="attachment page"):
        outcome.urls.append((path, kind, note))
        if kind == "collision":
            outcome.warn(path, COLLISION)


def redirect_old_links(links, kind="post") -> list[tuple[str, str, str]]:
    """`oldurls.remember_story` for many (old link, page) at once: a 301 from each old path to
    its page, unless the old path is the new one or one Masthead answers itself. Returns the
    report's (path, kind, note) rows."""
    wanted = {}
    for link, story in links:
        path = oldurls.old_path(link)
        if path:
            wanted[path] = story
    answered = masthead_answers(list(wanted))
    rows, redirects = [], {}
    for path, story in wanted.items():
        target = story.url
        if target and Redirect.normalise_path(target) == path:
            rows.append((path, kind, "unchanged"))
        elif path in answered:
            rows.append((path, "collision", "kept Masthead's own route"))
        else:
            rows.append((path, kind, ""))
            redirects[path] = story
    existing = {r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=redirects)}
    for path, redirect in existing.items():
        page = redirects.pop(path)
        if (redirect.redirect_page_id, redirect.redirect_link, redirect.is_permanent) != (
            page.pk,
            "",
            True,
        ):
            redirect.redirect_page, redirect.redirect_link = page, ""
            redirect.is_permanent = True
            redirect.save()
    Redirect.objects.bulk_create(
        Redirect(old_path=path, site=None, redirect_page=story, is_permanent=True)
        for path, story in redirects.items()
    )
    return rows


def masthead_answers(paths: list[str]) -> set[str]:
    """`oldurls.masthead_answers` for many paths, with one query for the page tree's."""
    answered, tree = set(), {}
    for path in paths:
        last = path.rsplit("/", 1)[-1]
        asked = path if path.endswith("/") or "." in last else f"{path}/"
        try:
            match = resolve(asked)
        except Resolver404:
            continue
        if match.url_name not in {oldurls.SERVE_VIEW, "section", "section_atom"}:
            answered.add(path)
        else:
            tree[path] = asked
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or not tree:
        return answered
    root = site.root_page.url_path.rstrip("/")
    url_paths = {root + asked: path for path, asked in tree.items()}
    found = Page.objects.filter(url_path__in=list(url_paths)).values_list("url_path", flat=True)
    return answered | {url_paths[url_path] for url_path in found}
