"""The shared store when there is no Redis: Django's file cache, which culls without listing its
folder on every write.

Django's `FileBasedCache.set` lists every file of the cache to learn whether it has reached
`MAX_ENTRIES` (`_cull`): with 10,000 pages stored, each new page cost 100 ms of CPU and a
2 MB list of names, twenty times its render. `FileStore` counts its files once every
`max_entries // CHECKS` writes (per thread, as Django keeps one cache object a thread), so a
store may pass `MAX_ENTRIES` by that many pages a thread before it culls, as Django would.
"""

from __future__ import annotations

from django.core.cache.backends.filebased import FileBasedCache

CHECKS = 100  # counts of the files per MAX_ENTRIES writes


class FileStore(FileBasedCache):
    def __init__(self, dir, params):  # noqa: A002 (Django's signature)
        super().__init__(dir, params)
        self._writes_until_count = 0

    def _cull(self):
        if self._writes_until_count > 0:
            self._writes_until_count -= 1
            return
        self._writes_until_count = self._max_entries // CHECKS
        super()._cull()
