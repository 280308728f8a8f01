"""Purging shared caches (Varnish, a CDN) by dependency tag, after a content change commits.

The contract, as Wagtail's frontend cache has it: one backend class per service, picked by
`settings.MASTHEAD_PURGE_BACKENDS`, a dict of name -> {"BACKEND": dotted path, ...params}; each
backend is built with its params and has `purge(tags: set[str]) -> None`. Wagtail purges by URL;
ours purge the tags that responses carry in `Surrogate-Key`/`xkey` (see masthead.pagecache.deps).

With no backend configured (the default), `purge` does nothing. A backend that fails logs it and
never raises: a cache that cannot be reached must not fail an editor's publish.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


class PurgeBackend:
    """What a backend is: built from its settings entry, it purges a set of tags."""

    def __init__(self, params: dict):
        self.params = params

    def purge(self, tags: set[str]) -> None:
        raise NotImplementedError


def get_backends(config: dict | None = None) -> dict[str, PurgeBackend]:
    """The configured backends by name (`settings.MASTHEAD_PURGE_BACKENDS` unless given)."""
    if config is None:
        config = getattr(settings, "MASTHEAD_PURGE_BACKENDS", None) or {}
    backends = {}
    for name, entry in config.items():
        params = dict(entry)
        path = params.pop("BACKEND", None)
        if not path:
            raise ImproperlyConfigured(f"MASTHEAD_PURGE_BACKENDS[{name!r}] has no BACKEND")
        try:
            backend_class = import_string(path)
        except ImportError as error:
            raise ImproperlyConfigured(
                f"MASTHEAD_PURGE_BACKENDS[{name!r}]: cannot import {path!r}: {error}"
            ) from error
        backends[name] = backend_class(params)
    return backends


def purge(tags: Iterable[str]) -> None:
    """Purge every cached response tagged with one of `tags` from each configured cache."""
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    try:
        backends = get_backends()
    except ImproperlyConfigured:
        log.exception("purge: no purge sent: MASTHEAD_PURGE_BACKENDS is misconfigured")
        return
    for name, backend in backends.items():
        try:
            backend.purge(tags)
        except Exception:
            log.exception("purge: backend %r failed to purge %d tag(s)", name, len(tags))
