"""What the process tier shares: waiting on a real process, and its coverage.

A test that waits on the clock freezes it instead (freezegun); a test that waits on a real
process (a server answering, a worker publishing, Varnish purging) polls with `wait_for`, whose
timeout is generous because the machine may be loaded: a pass takes as long as the process needs,
and only a process that never gets there costs the whole timeout.
"""

import os
import time
from collections.abc import Callable

# Long enough for a loaded two-core machine; a failing test pays it once.
GENEROUS = 60.0


def wait_for(condition: Callable, timeout: float = GENEROUS, interval: float = 0.05, what=""):
    """Call `condition` until it returns something true, and return that; after `timeout` seconds,
    raise TimeoutError (an OSError) saying what was awaited and the last value (or error) seen.
    An AssertionError in `condition` (the process died) ends the wait at once."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = condition()
        except (OSError, ConnectionError) as error:  # not listening yet, reset, ...
            last = error
        else:
            if last:
                return last
        if time.monotonic() > deadline:
            awaited = what or repr(condition)
            raise TimeoutError(f"waited {timeout:.0f} s for {awaited}; last: {last!r}")
        time.sleep(interval)


def coverage_env() -> dict:
    """The variable that has coverage measure a subprocess (`patch = ["subprocess"]` sets it for
    the suite), for the tests that start a command in a bare environment."""
    name = "COVERAGE_PROCESS_CONFIG"
    return {name: os.environ[name]} if name in os.environ else {}
