"""One soak run: build the newsroom, start its processes, read at full load while the editor
changes a story every 5 s and the faults land at their offsets, then gather what happened."""

from __future__ import annotations

import shutil
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from bench.processes import free_port
from bench.soak import faults
from bench.soak.freshness import Watcher
from bench.soak.newsroom import Editor, SchedulingWorker, Serve, environment, masthead
from bench.soak.readers import Readers, sweep
from bench.soak.stores import Postgres, Redis, Varnish

EDIT_EVERY = 5.0
CYCLE = ("publish", "correct", "pull")


@dataclass
class Plan:
    """What a run starts, and when (as a fraction of its length) each fault lands."""

    name: str
    postgres: bool
    servers: int
    workers: int
    varnish: bool
    faults: list[tuple[float, str]]
    stories: int = 1000
    note: str = ""
    # A second `masthead worker` beside the first (docs/deployment.md): it runs tasks (the
    # purges) and takes the scheduler's lease when the first dies.
    standby: bool = False


PLANS = {
    "postgres": Plan(
        "postgres",
        postgres=True,
        servers=2,
        workers=2,
        varnish=True,
        faults=[
            (0.15, "kill_server_worker"),
            (0.35, "kill_scheduler_mid_publish"),
            (0.55, "restart_redis"),
            (0.75, "restart_postgres"),
        ],
        standby=True,
        note="2 x masthead serve --workers 2 behind one Varnish, PostgreSQL and Redis of its own,"
        " 2 x masthead worker",
    ),
    "sqlite": Plan(
        "sqlite",
        postgres=False,
        servers=1,
        workers=2,
        varnish=False,
        faults=[(0.25, "kill_server_worker"), (0.55, "kill_scheduler_mid_publish")],
        note="1 x masthead serve --workers 2 on SQLite, no Redis, no Varnish",
    ),
}


@dataclass
class Run:
    plan: Plan
    workdir: Path
    seconds: float
    readers: int = 2
    threads: int = 6
    log: callable = print
    serves: list = field(default_factory=list)
    postgres: Postgres | None = None
    redis: Redis | None = None
    varnish: Varnish | None = None

    # Setting up ---------------------------------------------------------------------------

    def setup(self) -> None:
        plan = self.plan
        if self.workdir.exists():
            shutil.rmtree(self.workdir)
        (self.workdir / "home").mkdir(parents=True)
        extra = {"MASTHEAD_CACHE_PREFIX": f"soak-{uuid.uuid4().hex[:8]}"}
        if plan.postgres:
            self.postgres, self.redis = Postgres(self.workdir), Redis(self.workdir)
            self.log(
                f"[{plan.name}] PostgreSQL on {self.postgres.port}, Redis on {self.redis.port}"
            )
            self.postgres.start()
            self.redis.start()
            extra.update(DATABASE_URL=self.postgres.url, REDIS_URL=self.redis.url)
        ports = [free_port() for _ in range(plan.servers)]
        if plan.varnish:
            self.varnish = Varnish(self.workdir, ports)
            extra.update(
                MASTHEAD_VARNISH_URLS=self.varnish.url,
                MASTHEAD_BASE_URL=self.varnish.url,
                MASTHEAD_PURGE_SECRET=self.varnish.purge_secret,
            )
        else:
            extra.update(MASTHEAD_BASE_URL=f"http://127.0.0.1:{ports[0]}")
        self.env = environment(self.workdir / "home", **extra)
        self.seed()
        if self.varnish:
            self.varnish.start()
        names = "abcdefgh"
        self.serves = [
            Serve(
                f"serve-{names[n]}",
                self.env,
                port,
                plan.workers,
                self.workdir / f"serve-{names[n]}.log",
            )
            for n, port in enumerate(ports)
        ]
        for serve in self.serves:
            serve.start()
        self.worker = SchedulingWorker(self.env, self.workdir / "worker.log")
        self.worker.start()
        self.standby = None
        if plan.standby:
            # The first takes the scheduler's lease; the faults kill that one.
            self.worker.wait_for("took the scheduler's lease")
            self.standby = SchedulingWorker(self.env, self.workdir / "worker-standby.log")
            self.standby.start()
        self.editor = Editor(self.env, self.workdir / "editor.log")
        self.editor.start()

    def seed(self) -> None:
        log = self.workdir / "seed.log"
        started = time.monotonic()
        masthead(self.env, "migrate", "--noinput", log=log)
        masthead(self.env, "demo", log=log)
        masthead(self.env, "seed-corpus", "--stories", str(self.plan.stories), log=log)
        self.log(f"[{self.plan.name}] newsroom seeded in {time.monotonic() - started:.0f} s")

    @property
    def origins(self) -> list[tuple[str, str]]:
        found = [("varnish", self.varnish.url)] if self.varnish else []
        return found + [(serve.name, serve.origin) for serve in self.serves]

    # Running ------------------------------------------------------------------------------

    def run(self) -> dict:
        urls = self.editor.ask("urls")
        paths = [path for group in urls.values() if isinstance(group, list) for path in group]
        self.paths = paths
        # After a fault: every page type, and 20 of the stories.
        groups = {k: v for k, v in urls.items() if isinstance(v, list)}
        self.check_paths = [p for k, group in groups.items() if k != "story" for p in group]
        self.check_paths += urls["story"][:20]
        self.checks: list[threading.Thread] = []
        self.log(f"[{self.plan.name}] {len(paths)} reader URLs; warming every origin")
        at_start = sweep(self.origins, paths)
        memory_start = {serve.name: serve.memory() for serve in self.serves}
        self.watcher = Watcher(self.origins)
        readers = Readers(self.origins, paths, self.readers, self.threads)
        self.started = time.time()
        readers.start()
        self.fault_results: list[dict] = []
        fault_thread = threading.Thread(target=self.run_faults, daemon=True)
        fault_thread.start()
        edits = self.edit_until(self.started + self.seconds)
        fault_thread.join(timeout=300)
        for checking in self.checks:
            checking.join(timeout=300)
        reads = readers.stop()
        self.ended = time.time()
        self.log(f"[{self.plan.name}] load stopped; waiting for the last pages to be fresh")
        changes = self.watcher.results()
        return {
            "plan": self.plan.__dict__,
            "started": self.started,
            "ended": self.ended,
            "origins": [name for name, _ in self.origins],
            "paths": len(paths),
            "url_groups": {
                key: len(value) for key, value in urls.items() if isinstance(value, list)
            },
            "bad_at_start": at_start,
            "bad_at_end": sweep(self.origins, paths),
            "memory_start": memory_start,
            "memory_end": {serve.name: serve.memory() for serve in self.serves},
            "servers_alive_at_end": {serve.name: serve.alive() for serve in self.serves},
            "reads": reads,
            "edits": edits,
            "changes": changes,
            "faults": self.fault_results,
        }

    def edit_until(self, end: float) -> list[dict]:
        """Every 5 s the next change of the cycle publish, correct, pull (a failed one is tried
        again at the next tick); each successful change is watched until fresh everywhere."""
        edits, story, step = [], None, 0
        tick = self.started + EDIT_EVERY
        while tick < end:
            time.sleep(max(0.0, tick - time.time()))
            tick += EDIT_EVERY
            op = CYCLE[step]
            reply = self.editor.ask(op, **({"id": story["id"]} if story else {}))
            edits.append({"op": op, "at": time.time(), **reply})
            if not reply["ok"]:
                self.log(f"[{self.plan.name}] editor {op} failed: {reply['error']}")
                continue
            if op == "publish":
                story = reply
            marker = story["marker"] if op == "pull" else reply["marker"]
            self.watcher.watch({**reply, "kind": op, "marker": marker})
            step = (step + 1) % len(CYCLE)
            story = None if op == "pull" else story
        return edits

    def run_faults(self) -> None:
        for fraction, name in self.plan.faults:
            time.sleep(max(0.0, self.started + fraction * self.seconds - time.time()))
            if time.time() > self.started + self.seconds - 10:
                self.log(f"[{self.plan.name}] fault {name} skipped: the run is ending")
                continue
            self.log(f"[{self.plan.name}] fault: {name}")
            try:
                result = getattr(faults, name)(self)
            except Exception as error:  # noqa: BLE001 (the soak goes on and reports it)
                now = time.time()
                result = {
                    "fault": name,
                    "started": now,
                    "ended": now,
                    "notes": [f"the fault itself failed: {type(error).__name__}: {error}"],
                }
            result["servers_alive"] = {serve.name: serve.alive() for serve in self.serves}
            self.log(f"[{self.plan.name}]   " + "; ".join(result["notes"]))
            self.fault_results.append(result)
            checking = threading.Thread(target=self.check_after, args=(result,), daemon=True)
            checking.start()
            self.checks.append(checking)

    def check_after(self, result: dict, delay: float = 5.0) -> None:
        """5 s after a fault, every page type once on every origin: none may answer an error
        (a cached one would carry a cache hit header)."""
        time.sleep(delay)
        result["bad_after"] = sweep(self.origins, self.check_paths)

    def teardown(self) -> None:
        for part in (
            getattr(self, "editor", None),
            getattr(self, "worker", None),
            getattr(self, "standby", None),
            *self.serves,
            self.varnish,
            self.redis,
        ):
            if part is not None:
                try:
                    part.stop()
                except Exception as error:  # noqa: BLE001 (stop the rest)
                    self.log(f"[{self.plan.name}] stopping {part}: {error}")
        if self.postgres is not None:
            self.postgres.cleanup()
