"""What a reader response shows: dependency tags recorded while it renders.

A tag names one thing whose change must refresh the response:

    page-<id>            a page's own content (a story, a section), wherever it is shown
    list-all             which stories are newest site-wide (home, site feed, sitemaps)
    list-section-<id>    which stories a section (with its subsections) lists, and their order
    list-tag-<id>        ... a tag lists
    list-author-<id>     ... a person's page lists
    person-<id>          a person's name, photo, bio (bylines, author pages)
    tagname-<id>         a tag's name and slug
    image-<id>           an image and its focal point
    picks, pins, banner  the editors' curation (Don't Miss, front-page pins, breaking news)
    site, nav            site settings and the section navigation
    restrictions         which parts of the tree are private (view restrictions)
    corrections          the corrections list
    sitemaps             any story's publication (sitemaps show every story's last change)

Code that builds a reader page calls `record(...)`; outside a recording (the admin, the
worker, a management command) the calls cost one context-variable lookup and do nothing.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field
from datetime import datetime

ALL_STORIES = "list-all"
PICKS = "picks"
PINS = "pins"
BANNER = "banner"
SITE = "site"
NAV = "nav"
CORRECTIONS = "corrections"
RESTRICTIONS = "restrictions"
SITEMAPS = "sitemaps"


def page_tag(pk) -> str:
    return f"page-{pk}"


def section_list_tag(pk) -> str:
    return f"list-section-{pk}"


def tag_list_tag(pk) -> str:
    return f"list-tag-{pk}"


def author_list_tag(pk) -> str:
    return f"list-author-{pk}"


def person_tag(pk) -> str:
    return f"person-{pk}"


def tag_name_tag(pk) -> str:
    return f"tagname-{pk}"


def image_tag(pk) -> str:
    return f"image-{pk}"


@dataclass
class Recording:
    tags: set[str] = field(default_factory=set)
    # The earliest moment something shown stops being true by itself (a pin or banner expiring,
    # a story leaving the news sitemap's window): the response must not outlive it.
    expires_at: datetime | None = None
    # Whether the view read `?page=N` (a paginated listing): other views' responses to a request
    # with a page number are not stored, so made-up numbers cannot fill the cache.
    paginated: bool = False


_current: contextvars.ContextVar[Recording | None] = contextvars.ContextVar(
    "masthead_page_dependencies", default=None
)


def start() -> contextvars.Token:
    return _current.set(Recording())


def finish(token: contextvars.Token) -> Recording:
    recording = _current.get()
    _current.reset(token)
    return recording or Recording()


def current() -> Recording | None:
    return _current.get()


def record(*tags: str) -> None:
    recording = _current.get()
    if recording is not None:
        recording.tags.update(tags)


def record_paginated() -> None:
    recording = _current.get()
    if recording is not None:
        recording.paginated = True


def record_expiry(moment: datetime | None) -> None:
    recording = _current.get()
    if recording is None or moment is None:
        return
    if recording.expires_at is None or moment < recording.expires_at:
        recording.expires_at = moment
