"""What the purge waits for (pagecache/bus/acks.py), on both buses: every live process's record
of how far it has applied; records that stopped are of dead processes and are not waited for."""

import os
import socket
import time
import uuid

import pytest
import redis

from masthead.pagecache.bus import acks
from masthead.pagecache.bus.database import DatabaseBus
from masthead.pagecache.bus.redis import RedisBus

pytestmark = pytest.mark.django_db

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(params=["database", "redis"])
def bus(request):
    if request.param == "database":
        yield DatabaseBus()
        return
    found = RedisBus(REDIS_URL, prefix=f"test-{uuid.uuid4().hex}")
    try:
        found.client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield found
    found.client.delete(found.acks_key, found.counter)


def test_only_live_processes_that_are_behind_hold_a_purge(bus, settings):
    settings.MASTHEAD_PURGE_LIVE = 3.5
    bus.ack("host:1:ahead", 12)
    bus.ack("host:2:behind", 10)
    now = time.time()
    assert acks.lagging(bus, 11, now) == {"host:2:behind": 10}
    assert acks.lagging(bus, 10, now) == {}
    # Not heard from for longer than MASTHEAD_PURGE_LIVE: dead, not waited for.
    assert acks.lagging(bus, 11, now + 4) == {}
    # Records of processes gone for good are deleted.
    acks.lagging(bus, 11, now + acks.FORGET + 1)
    assert bus.acks() == {}


def test_a_purge_waits_at_most_the_timeout_for_a_laggard(bus, caplog):
    bus.ack("host:3:stuck", 1)
    started = time.monotonic()
    with caplog.at_level("WARNING", logger="masthead.pagecache.bus.acks"):
        assert acks.may_purge(bus, 2, unsent=False, timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 3
    assert "host:3:stuck (at 1)" in caplog.text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_purge_of_an_unsent_invalidation_goes_out_only_while_the_bus_is_down(bus):
    # Reachable: the relay will send it, and purge after the processes applied it.
    assert not acks.may_purge(bus, None, unsent=True, timeout=5)
    down = RedisBus(f"redis://127.0.0.1:{free_port()}/0", prefix="test-down")
    # Unreachable: every server process has lost it too and renders from the database.
    assert acks.may_purge(down, None, unsent=True, timeout=5)


def ended_pid() -> int:
    """A pid no process on this machine has now."""
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid -= 1


def test_a_process_of_this_machine_that_ended_is_not_waited_for(bus, settings):
    """A server worker killed with SIGKILL: its server starts another at once, and the purges
    after it must not wait `MASTHEAD_PURGE_LIVE` seconds for the one that is gone (the soak saw
    Varnish serve the old page for 3 s after each change during that fault)."""
    settings.MASTHEAD_PURGE_LIVE = 3.5
    living = acks.process_name()  # this test's process, as a server worker signs itself
    gone = living.replace(f":{os.getpid()}:", f":{ended_pid()}:")
    elsewhere = f"another-host:{ended_pid()}:cccccc"
    for process in (living, gone, elsewhere):
        bus.ack(process, 10)
    assert acks.lagging(bus, 11) == {living: 10, elsewhere: 10}
