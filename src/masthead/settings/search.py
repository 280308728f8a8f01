"""Reader search limits (docs/search.md).

MASTHEAD_SEARCH_CONCURRENCY     searches one server process runs at once; one more waits at most
                                0.1 s for a slot, then is answered 503 with Retry-After; default 2
MASTHEAD_SEARCH_TIME_LIMIT_MS   a search query is stopped after this long and answered the same
                                way; default 1000
"""

import os

MASTHEAD_SEARCH_CONCURRENCY = int(os.environ.get("MASTHEAD_SEARCH_CONCURRENCY", "2"))
MASTHEAD_SEARCH_TIME_LIMIT_MS = int(os.environ.get("MASTHEAD_SEARCH_TIME_LIMIT_MS", "1000"))
MASTHEAD_SEARCH_RETRY_AFTER = 5  # seconds, in the 503's Retry-After
