"""Load with wrk: one scenario is a URL (or a list of paths to cycle over) hit for a while by a
few threads and connections; the median of several runs is kept."""

from __future__ import annotations

import json
import statistics
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

WRK_DIR = Path(__file__).parent / "wrk"


@dataclass
class Scenario:
    name: str
    origin: str  # http://127.0.0.1:port
    path: str = "/"
    paths: list[str] = field(default_factory=list)  # cycled over when given
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    non_2xx: int
    runs: list[float]


@dataclass
class Settings:
    threads: int = 2
    connections: int = 50
    seconds: int = 10
    runs: int = 3


def script_for(scenario: Scenario, workdir: Path) -> tuple[Path, list[str]]:
    """The Lua script (report, and path cycling when there are paths) and its arguments."""
    parts = [(WRK_DIR / "report.lua").read_text()]
    arguments = []
    if scenario.paths:
        parts.append((WRK_DIR / "paths.lua").read_text())
        paths_file = workdir / f"{scenario.name.replace(' ', '-')}.paths"
        paths_file.write_text("\n".join(scenario.paths) + "\n")
        arguments = [str(paths_file)]
    script = workdir / f"{scenario.name.replace(' ', '-')}.lua"
    script.write_text("\n".join(parts))
    return script, arguments


def run_once(scenario: Scenario, settings: Settings, workdir: Path) -> dict:
    script, arguments = script_for(scenario, workdir)
    command = ["wrk", f"-t{settings.threads}", f"-c{settings.connections}"]
    command += [f"-d{settings.seconds}s", "--timeout", "10s", "-s", str(script)]
    for name, value in scenario.headers.items():
        command += ["-H", f"{name}: {value}"]
    command += [scenario.origin + scenario.path, *(["--", *arguments] if arguments else [])]
    output = subprocess.run(  # noqa: S603 (wrk, with our arguments)
        command, capture_output=True, text=True, check=True, timeout=settings.seconds + 60
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    return json.loads(line.removeprefix("BENCH "))


def measure(scenario: Scenario, settings: Settings, workdir: Path, say, between=None) -> Result:
    """The median of `settings.runs` runs; `between()` is called between two runs (to let the
    server work off what a run left queued)."""
    runs = []
    for number in range(1, settings.runs + 1):
        if number > 1 and between is not None:
            between()
        run = run_once(scenario, settings, workdir)
        run["rps"] = run["requests"] / (run["duration_us"] / 1e6)
        runs.append(run)
        say(
            f"  {scenario.name}: run {number}/{settings.runs}: {run['rps']:,.0f} req/s, "
            f"p50 {run['p50_us'] / 1000:.1f} ms, p99 {run['p99_us'] / 1000:.1f} ms"
            + (f", {run['non_2xx']} non-2xx" if run["non_2xx"] else "")
            + (f", {run['errors']} socket errors or timeouts" if run["errors"] else "")
        )
    median = sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]
    return Result(
        name=scenario.name,
        rps=statistics.median(run["rps"] for run in runs),
        p50_ms=median["p50_us"] / 1000,
        p99_ms=median["p99_us"] / 1000,
        errors=sum(run["errors"] for run in runs),
        non_2xx=sum(run["non_2xx"] for run in runs),
        runs=[run["rps"] for run in runs],
    )
