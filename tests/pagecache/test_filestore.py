"""The file store (pagecache/filestore.py): bounded like Django's file cache, without listing
its folder on every page it stores."""

from masthead.pagecache.filestore import CHECKS, FileStore


def store(tmp_path, max_entries: int) -> FileStore:
    return FileStore(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries}})


def test_storing_a_page_does_not_list_every_stored_page(tmp_path, monkeypatch):
    """Django's file cache listed its whole folder for each page it stored: 100 ms of CPU a
    page once it held 10,000."""
    cache = store(tmp_path, 20_000)
    listings = []
    listing = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or listing())
    for number in range(1_000):
        cache.set(f"page-{number}", b"<html>")
    assert len(listings) <= 1_000 // (20_000 // CHECKS) + 1


def test_the_store_stays_bounded(tmp_path):
    cache = store(tmp_path, 300)
    for number in range(1_000):
        cache.set(f"page-{number}", b"<html>")
    kept = len(cache._list_cache_files())
    assert kept <= 300 + 300 // CHECKS + 1
    assert cache.get("page-999") == b"<html>"
