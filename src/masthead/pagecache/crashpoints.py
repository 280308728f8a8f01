"""Named steps of an invalidation's way to the readers, where the tests kill the process.

`MASTHEAD_TEST_CRASH_AT=<step>` in the environment makes the process exit at once (no cleanup,
as after `kill -9`) when it reaches that step; tests/pagecache/test_processes.py uses it to
show that a crash at any step leaves no server stale. Unset (always, outside that test), a step
costs one dictionary lookup.
"""

import os

COMMITTED = "committed"  # the change and its outbox row committed; not yet on the bus
PUBLISHED = "published"  # on the bus; the outbox row not yet deleted
RELAYED = "relayed"  # relay committed; not yet applied here
PURGING = "purging"  # the worker took the purge task; Varnish not yet told


def reached(step: str) -> None:
    if os.environ.get("MASTHEAD_TEST_CRASH_AT") == step:
        os._exit(70)
