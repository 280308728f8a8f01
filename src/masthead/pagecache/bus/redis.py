"""Invalidations through Redis: a counter for the sequence and a channel that every process
subscribes to. A process that loses its subscription starts over from the counter (everything
it cached before is then treated as stale), so a missed message never leaves a stale page."""

import logging
import time
from collections.abc import Callable, Iterable

import redis

log = logging.getLogger(__name__)


class RedisBus:
    def __init__(self, url: str, prefix: str = "masthead"):
        self.url = url
        self.counter = f"{prefix}:pagecache:seq"
        self.channel = f"{prefix}:pagecache:invalidations"
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)

    def publish(self, tags: Iterable[str]) -> int:
        seq = int(self.client.incr(self.counter))
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
