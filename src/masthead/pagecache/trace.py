"""When each step of an invalidation happened, for measuring publish to fresh (bench/freshness.py).

With `MASTHEAD_TRACE_FILE` set, every process appends one JSON line per step to that file (the
`masthead.trace` logger, settings): the relay published it (`relayed`), a server process applied
it (`applied`) and recorded so (`acked`), the worker started its purge (`purge_started`), every
live process had applied it (`purge_cleared`) and Varnish answered (`purged`). Unset: nothing is
written and a step costs one level check.
"""

from __future__ import annotations

import json
import logging
import os
import time

log = logging.getLogger("masthead.trace")


def step(name: str, seq: int | None, **fields) -> None:
    if log.isEnabledFor(logging.INFO):
        record = {"step": name, "seq": seq, "at": time.time(), "pid": os.getpid(), **fields}
        log.info("%s", json.dumps(record))
