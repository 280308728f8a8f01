"""A pytest plugin for trimming CI time: each test's CPU time (user+sys of the pytest process,
set-up + call + tear-down, so a module's shared world counts in its first test), the CPU time of
the processes it started and waited for (servers, workers, `masthead` commands: what the process
tier spends outside pytest) and wall time, one tab-separated line per test, appended to
$CPU_TIMES as the run goes. CPU time, unlike `--durations`, holds on a machine shared with other
work.

    CPU_TIMES=var/cpu.tsv .venv/bin/python -m pytest -p tests.cpu_times -m "not process"
    awk -F'\\t' '{split($1, m, "::"); cpu[m[1]] += $2 + $3} END {for (f in cpu) print cpu[f], f}' \\
        var/cpu.tsv | sort -rn | head
"""

import os
import time

import pytest


def _children() -> float:
    times = os.times()
    return times.children_user + times.children_system


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    cpu, children, wall = time.process_time(), _children(), time.perf_counter()
    try:
        return (yield)
    finally:
        with open(os.environ.get("CPU_TIMES", "cpu-times.tsv"), "a") as out:
            out.write(
                f"{item.nodeid}\t{time.process_time() - cpu:.3f}\t"
                f"{_children() - children:.3f}\t{time.perf_counter() - wall:.3f}\n"
            )
