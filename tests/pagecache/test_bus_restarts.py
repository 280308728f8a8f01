"""The invalidation bus after Redis restarts: no page or site-wide block stays stale for good
(found by the soak: after a Redis restart, / and /feed/ stopped showing new stories)."""

import uuid

import pytest
import redis

from masthead.pagecache import deps, runtime
from masthead.pagecache.bus.redis import RedisBus
from masthead.pagecache.sitewide import sitewide
from masthead.pagecache.state import state

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def bus():
    bus = RedisBus(REDIS_URL, prefix=f"test-{uuid.uuid4().hex}")
    try:
        bus.client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {REDIS_URL}: {error}")
    yield bus
    bus.client.delete(bus.counter)


def test_numbers_keep_rising_after_redis_loses_its_counter(bus):
    before = [bus.publish({deps.page_tag(1)}) for _ in range(3)]
    assert before == sorted(set(before))
    bus.client.delete(bus.counter)  # what a Redis restarted without its data does
    after = bus.publish({deps.page_tag(1)})
    assert after > before[-1]
    # A page rendered before the restart is stale once the next change to it is announced.
    state.reset(0)
    state.apply(after, [deps.page_tag(1)])
    assert not state.is_fresh(before[-1], [deps.page_tag(1)])


def test_a_listener_that_starts_over_recomputes_the_sitewide_blocks():
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    assert sitewide("test-block", {deps.NAV}, compute) == 1
    assert sitewide("test-block", {deps.NAV}, compute) == 1
    runtime.get()._on_start(0)  # the subscription was lost and taken up again
    assert sitewide("test-block", {deps.NAV}, compute) == 2
