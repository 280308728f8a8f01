"""Settings for the test suite: the defaults, with a non-UTC newsroom zone to catch date bugs."""

from masthead.settings import *  # noqa: F403

# Half an hour off UTC, and far from it: a date shown in the wrong zone shows up in the tests.
TIME_ZONE = MASTHEAD_TIME_ZONE = "Asia/Kolkata"
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The page cache: a private shared store per test process, and invalidations applied at once
# (tests roll back instead of committing); tests of the listener start one themselves.
CACHES = {**CACHES, "pagecache": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405
MASTHEAD_PAGE_CACHE = {**MASTHEAD_PAGE_CACHE, "LISTEN": False, "IMMEDIATE": True}  # noqa: F405
