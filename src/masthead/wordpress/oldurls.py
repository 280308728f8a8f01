"""Every old URL keeps working: Wagtail redirects (301) from the old paths to the new homes,
and the report of every old URL with the answer the site now gives.

- A post's permalink (whatever structure the export's `<link>`s show) → its story.
- `/category/<path>/` → its section, `/category/<path>/feed/` → the section's feed;
  `/tag/<slug>/` → the tag page and its feed; `/author/<login>/` → the person's page and feed.
- `/wp-content/uploads/...` of an imported image → its file.
- `?p=`, `?page_id=`, `?cat=`, `?author=`, `?s=`: middleware.py.
An old path that one of Masthead's own routes answers (`/search/`, `/feed/`, `/api/`, a
section...) keeps Masthead's answer and is listed in the report.
"""

from __future__ import annotations

import csv
from urllib.parse import urlsplit

from django.test import Client
from django.urls import Resolver404, resolve, reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import Outcome

SERVE_VIEW = "wagtail_serve"


def old_path(url: str) -> str:
    parts = urlsplit(url or "")
    if parts.query or not parts.path or parts.path == "/":
        return ""
    return Redirect.normalise_path(parts.path)


def masthead_answers(path: str) -> bool:
    """Whether one of Masthead's own routes, or a page of the tree, owns `path`."""
    last = path.rsplit("/", 1)[-1]
    wanted = path if path.endswith("/") or "." in last else f"{path}/"
    try:
        match = resolve(wanted)
    except Resolver404:
        return False
    if match.url_name not in {SERVE_VIEW, "section", "section_atom"}:
        return True
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return False
    url_path = site.root_page.url_path.rstrip("/") + wanted
    return Page.objects.filter(url_path=url_path).exists()


def _redirect(path: str, outcome: Outcome, *, page=None, link: str = "", kind="archive") -> None:
    if not path:
        return
    target = page.url if page is not None else link
    if target and Redirect.normalise_path(target) == path:
        outcome.urls.append((path, kind, "unchanged"))
        return  # the old URL is the new one
    if masthead_answers(path):
        outcome.urls.append((path, "collision", "kept Masthead's own route"))
        outcome.warn(path, "the old URL is one of Masthead's own: Masthead's answer is kept")
        return
    outcome.urls.append((path, kind, ""))
    Redirect.objects.update_or_create(
        old_path=path,
        site=None,
        defaults={
            "redirect_page": page,
            "redirect_link": "" if page else link,
            "is_permanent": True,
        },
    )


def remember_story(link: str, story, outcome: Outcome) -> None:
    _redirect(old_path(link), outcome, page=story, kind="post")


def remember_file(url: str, image, outcome: Outcome) -> None:
    path = old_path(url)
    if path:
        outcome.urls.append((path, "file", ""))
        Redirect.objects.update_or_create(
            old_path=path,
            site=None,
            defaults={"redirect_link": image.file.url, "is_permanent": True},
        )


def remember_archives(site_url, categories, sections, people, outcome: Outcome) -> None:
    by_slug = {term.slug: term for term in categories}

    def category_path(term, seen=()):
        parent = by_slug.get(term.parent_slug)
        if parent is None or parent.slug in seen:
            return term.slug
        return f"{category_path(parent, (*seen, term.slug))}/{term.slug}"

    for term in categories:
        section = sections.get(term.slug)
        if section is None:
            continue
        path = f"/category/{category_path(term)}"
        _redirect(path, outcome, page=section)
        _redirect(f"{path}/feed", outcome, link=f"{section.url}feed/")
    for login, person in people.items():
        author_url = reverse("author", kwargs={"slug": person.slug})
        _redirect(f"/author/{login}", outcome, link=author_url)
        _redirect(f"/author/{login}/feed", outcome, link=f"{author_url}feed/")


def remember_attachment_pages(site_url: str, outcome: Outcome) -> None:
    """An attachment's page → the story it belongs to."""
    rows = ImportedObject.objects.filter(site_url=site_url, kind="attachment").exclude(old_url="")
    for row in rows.iterator():
        parent = ImportedObject.objects.filter(
            site_url=site_url, kind="post", wp_id=row.data.get("parent") or 0
        ).first()
        page = Page.objects.filter(pk=parent.object_id).first() if parent else None
        if page is not None and page.live:
            _redirect(old_path(row.old_url), outcome, page=page, kind="attachment page")


def remember_tag(slug: str, tag, outcome: Outcome) -> None:
    tag_url = reverse("tag", kwargs={"slug": tag.slug})
    _redirect(f"/tag/{slug}", outcome, link=tag_url)
    _redirect(f"/tag/{slug}/feed", outcome, link=f"{tag_url}feed/")


def old_urls(result):
    """(old URL, what it was) of everything the import remembers for this export's site."""
    rows = ImportedObject.objects.filter(site_url=result.site_url).order_by("kind", "wp_id")
    for row in rows.iterator():
        if row.kind in {"post", "page", "attachment"}:
            if row.old_url:
                yield row.old_url, row.kind
            yield f"/?{'page_id' if row.kind == 'page' else 'p'}={row.wp_id}", row.kind
        elif row.kind == "category":
            yield f"/?cat={row.wp_id}", "category"
        elif row.kind == "author":
            yield f"/author/{row.wp_slug}/", "author"
            yield f"/?author={row.wp_id}", "author"
    for url, kind, _note in result.outcome.urls:
        yield url, kind


def write_report(path, result) -> int:
    """Request each old URL through the app and write (old URL, kind, status, location)."""
    site = Site.objects.filter(is_default_site=True).first()
    client = Client(HTTP_HOST=site.hostname if site else "localhost", raise_request_exception=False)
    seen, count = set(), 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["old_url", "kind", "status", "location"])
        for url, kind in old_urls(result):
            parts = urlsplit(url)
            local = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            if local in seen:
                continue
            seen.add(local)
            response = client.get(local)
            writer.writerow([url, kind, response.status_code, response.get("Location", "")])
            count += 1
    return count
