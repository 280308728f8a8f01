"""Invalidations through Redis: a counter for the sequence and a channel that every process
subscribes to. A process that loses its subscription starts over from the counter (everything
it cached before is then treated as stale), so a missed message never leaves a stale page.

The counter never goes back: a Redis restarted without its data (or from an older snapshot)
would count again from 1, below the numbers that pages already cached carry, and those pages
would never look stale again. Each number is therefore at least the current time in
microseconds, so a counter that was lost jumps past every number handed out before."""

import logging
import time
from collections.abc import Callable, Iterable

import redis

log = logging.getLogger(__name__)

# INCR, raised to the floor (ARGV[1]) where it fell below it; returns the number.
NEXT_SEQUENCE = """
local seq = redis.call('INCR', KEYS[1])
if seq < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return tonumber(ARGV[1])
end
return seq
"""


def time_floor() -> int:
    return time.time_ns() // 1000


class RedisBus:
    def __init__(self, url: str, prefix: str = "masthead"):
        self.url = url
        self.counter = f"{prefix}:pagecache:seq"
        self.channel = f"{prefix}:pagecache:invalidations"
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self.next_sequence = self.client.register_script(NEXT_SEQUENCE)

    def publish(self, tags: Iterable[str]) -> int:
        seq = int(self.next_sequence(keys=[self.counter], args=[time_floor()]))
        self.client.publish(self.channel, f"{seq} {' '.join(sorted(tags))}")
        return seq

    def current(self) -> int:
        return int(self.client.get(self.counter) or 0)

    def listen(
        self,
        on_start: Callable[[int], None],
        on_invalidation: Callable[[int, list[str]], None],
        stopped: Callable[[], bool],
    ) -> None:
        while not stopped():
            client = redis.Redis.from_url(
                self.url, socket_connect_timeout=5, health_check_interval=10
            )
            pubsub = client.pubsub()
            try:
                pubsub.subscribe(self.channel)
                # Subscribed first, then read the counter: nothing published after the read
                # can be missed, and what came before it is older than the start.
                while not stopped():
                    message = pubsub.get_message(timeout=1.0)
                    if message is not None and message["type"] == "subscribe":
                        break
                on_start(int(client.get(self.counter) or 0))
                while not stopped():
                    message = pubsub.get_message(timeout=1.0)
                    if message is None or message["type"] != "message":
                        continue
                    seq, *tags = message["data"].decode().split()
                    on_invalidation(int(seq), tags)
            except redis.RedisError:
                log.exception("page cache: the Redis subscription failed; starting over")
                time.sleep(0.5)
            finally:
                pubsub.close()
                client.close()
