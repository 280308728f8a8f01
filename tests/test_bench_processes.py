"""The bench's servers: one that will not start says why at once, not after the bench's wait."""

import time

import pytest
from bench.processes import MastheadServer, ServerExited


@pytest.mark.process
def test_a_server_that_refuses_to_start_is_reported_at_once_with_its_reason(tmp_path):
    server = MastheadServer(tmp_path / "unmigrated-home")
    (tmp_path / "unmigrated-home").mkdir()
    started = time.monotonic()
    with pytest.raises(ServerExited) as refused:
        server.start()
    # The bench waits up to 300 s for a server to answer; a dead one ends the wait.
    assert time.monotonic() - started < 120
    assert "not migrated" in str(refused.value)
    assert "masthead migrate" in str(refused.value)
