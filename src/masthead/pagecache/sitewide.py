"""Site-wide things every reader page shows (site settings, navigation, the banner), computed
once per process and kept until one of their tags is invalidated, so that rendering a page does
not spend queries on them.

    navigation = sitewide("navigation", {NAV, SITE}, lambda: list(...))

The value must not depend on the request beyond what every reader shares (no user, no query
string), and must be safe to share between threads (build lists, not querysets).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from datetime import datetime
from typing import Any

from django.utils import timezone

from masthead.pagecache import deps
from masthead.pagecache.state import state

_values: dict[str, tuple[Any, int, frozenset[str], datetime | None, Hashable]] = {}
_lock = threading.Lock()


def sitewide(
    name: str,
    tags: Iterable[str],
    compute: Callable[[], Any],
    expires_at: Callable[[Any], datetime | None] | None = None,
    version: Hashable = None,
) -> Any:
    """`compute()`'s value, cached in this process until one of `tags` (or of the tags that
    `compute` recorded itself) is invalidated, or the moment `expires_at(value)` gives (or that
    `compute` recorded) has passed. All of it is recorded as dependencies of the response being
    rendered.

    `version` names what the value was computed from where that varies under one name (the
    stories a list shows): a value kept for another version is computed again and replaces it,
    so that a name keeps one value."""
    cached = _values.get(name)
    if cached is not None:
        value, seq, all_tags, until, kept_version = cached
        fresh = state.is_fresh(seq, all_tags) and (until is None or until > timezone.now())
        if fresh and kept_version == version:
            deps.record(*all_tags)
            deps.record_expiry(until)
            return value
    seq = state.last_seq
    recording = deps.Recording()
    token = deps._current.set(recording)
    try:
        value = compute()
    finally:
        deps._current.reset(token)
    until = expires_at(value) if expires_at is not None else None
    if recording.expires_at is not None and (until is None or recording.expires_at < until):
        until = recording.expires_at
    all_tags = frozenset(tags) | recording.tags
    with _lock:
        _values[name] = (value, seq, all_tags, until, version)
    deps.record(*all_tags)
    deps.record_expiry(until)
    return value


def clear() -> None:
    with _lock:
        _values.clear()
