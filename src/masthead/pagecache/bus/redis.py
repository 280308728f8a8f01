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

# INCR, raised to the floor (ARGV[1]) where it fell below it, then PUBLISH "<seq> <tags>" on
# channel ARGV[2]: one script runs alone, so every listener gets the numbers in order and may
# acknowledge "applied up to N" (acks.py). Returns the number.
# (Lua's numbers are doubles, which `..` would print as 1.7e+15: %d prints every digit.)
PUBLISH = """
local seq = redis.call('INCR', KEYS[1])
if seq < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1])
  seq = tonumber(ARGV[1])
end
local shown = string.format('%d', seq)
redis.call('PUBLISH', ARGV[2], shown .. ' ' .. ARGV[3])
return shown
"""
RECONNECT_EVERY = 0.1  # seconds between tries while Redis is away


def time_floor() -> int:
    return time.time_ns() // 1000


class RedisBus:
    def __init__(self, url: str, prefix: str = "masthead"):
        self.url = url
        self.counter = f"{prefix}:pagecache:seq"
        self.channel = f"{prefix}:pagecache:invalidations"
        self.acks_key = f"{prefix}:pagecache:acks"
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self.publish_script = self.client.register_script(PUBLISH)

    def publish(self, tags: Iterable[str]) -> int:
        args = [time_floor(), self.channel, " ".join(sorted(tags))]
        return int(self.publish_script(keys=[self.counter], args=args))

    def ack(self, process: str, seq: int) -> None:
        self.client.hset(self.acks_key, process, f"{seq} {time.time()}")

    def acks(self) -> dict[str, tuple[int, float]]:
        found = {}
        for process, value in self.client.hgetall(self.acks_key).items():
            seq, seen = value.decode().split()
            found[process.decode()] = (int(seq), float(seen))
        return found

    def forget(self, processes: Iterable[str]) -> None:
        self.client.hdel(self.acks_key, *processes)

    def current(self) -> int:
        return int(self.client.get(self.counter) or 0)

    def listen(
        self,
        on_start: Callable[[int], None],
        on_invalidation: Callable[[int, list[str]], None],
        stopped: Callable[[], bool],
        on_lost: Callable[[], None] = lambda: None,
    ) -> None:
        failing = False
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
                if failing:
                    log.warning("page cache: the Redis subscription is back")
                failing = False
                while not stopped():
                    message = pubsub.get_message(timeout=1.0)
                    if message is None or message["type"] != "message":
                        continue
                    seq, *tags = message["data"].decode().split()
                    on_invalidation(int(seq), tags)
            except redis.RedisError:
                # Until it is back, this process serves nothing from its caches (on_lost).
                on_lost()
                if not failing:
                    log.exception("page cache: the Redis subscription failed; starting over")
                failing = True
                time.sleep(RECONNECT_EVERY)
            finally:
                pubsub.close()
                client.close()
