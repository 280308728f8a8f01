"""The faults a soak run injects, each a function of the run that returns what it did.

Each returns {"fault", "started", "ended", "notes": [...], ...}; the times are epoch seconds,
comparable with the readers' per-second counts. `Run` (bench/soak/run.py) gives them its
servers, worker, editor, stores and watcher.
"""

from __future__ import annotations

import os
import signal
import time


def _wait(check, seconds: float, step: float = 0.1) -> float | None:
    """Seconds until `check()` is true, or None if it never was within `seconds`."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return round(time.monotonic() - started, 2)
        time.sleep(step)
    return None


def kill_server_worker(run) -> dict:
    """kill -9 one worker process of the first server; wait for a replacement (or the exit)."""
    serve = run.serves[0]
    before = serve.worker_pids()
    started = time.time()
    if not before:
        return {
            "fault": "kill -9 a server worker",
            "started": started,
            "ended": started,
            "notes": [f"{serve.name} had no worker process (exited: {serve.process.poll()})"],
        }
    victim = before[-1]
    os.kill(victim, signal.SIGKILL)

    def replaced() -> bool:
        now = serve.worker_pids()
        return not serve.alive() or (victim not in now and len(now) >= len(before))

    took = _wait(replaced, 30)
    notes = [f"killed pid {victim} of {serve.name} (workers {before})"]
    if not serve.alive():
        notes.append(f"{serve.name} EXITED with code {serve.process.returncode}")
    elif took is None:
        notes.append(f"no replacement worker within 30 s (now {serve.worker_pids()})")
    else:
        notes.append(f"a new worker in {took} s (now {serve.worker_pids()})")
    return {
        "fault": "kill -9 a server worker",
        "started": started,
        "ended": time.time(),
        "notes": notes,
    }


# The worker looks for due items every second: killed this long after the due time, it is about
# as likely to be inside the publish as before or after it (the notes say which).
KILL_AFTER_DUE = 0.3


def kill_scheduler_mid_publish(run, ahead: float = 4.0) -> dict:
    """Schedule a story `ahead` seconds on, kill -9 `masthead worker` as it falls due (the
    worker checks every second), restart it 2 s later; the story must go live exactly once."""
    made = run.editor.ask("schedule", seconds=ahead)
    if not made["ok"]:
        now = time.time()
        return {
            "fault": "kill -9 the scheduling worker mid-publish",
            "started": now,
            "ended": now,
            "notes": [f"could not schedule: {made['error']}"],
        }
    time.sleep(max(0.0, made["due"] + KILL_AFTER_DUE - time.time()))
    started = time.time()
    run.worker.process.send_signal(signal.SIGKILL)
    run.worker.process.wait()
    at_kill = run.editor.ask("state", id=made["id"])
    time.sleep(2)
    run.worker.start()
    live = _wait(lambda: run.editor.ask("state", id=made["id"]).get("live"), 60, step=0.2)
    final = run.editor.ask("state", id=made["id"])
    notes = [
        f"killed {'after' if at_kill.get('live') else 'before'} the publish committed "
        f"({started - made['due']:+.2f} s from due)",
        "restarted after 2 s; "
        + ("live" if live is not None else "NOT live within 60 s")
        + f", published {final.get('publishes')} time(s)",
    ]
    if final.get("live") and final.get("published_at"):
        run.watcher.watch(
            {
                "kind": "scheduled",
                "id": made["id"],
                "marker": made["marker"],
                "clicked": final["published_at"],
                "urls": made["urls"],
                "ok": True,
            }
        )
    return {
        "fault": "kill -9 the scheduling worker mid-publish",
        "started": started,
        "ended": time.time(),
        "notes": notes,
        "published_once": final.get("publishes") == 1,
        "live": bool(final.get("live")),
    }


def restart_redis(run, down: float = 5.0) -> dict:
    started = time.time()
    run.redis.stop()
    time.sleep(down)
    run.redis.start()
    return {
        "fault": "stop Redis, restart it 5 s later",
        "started": started,
        "ended": time.time(),
        "notes": [f"down {time.time() - started:.1f} s"],
    }


def restart_postgres(run) -> dict:
    started = time.time()
    run.postgres.restart()
    return {
        "fault": "restart PostgreSQL (pg_ctl restart -m fast)",
        "started": started,
        "ended": time.time(),
        "notes": [f"pg_ctl restart took {time.time() - started:.1f} s"],
    }
