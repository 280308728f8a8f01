"""A pytest plugin for trimming CI time: each test's CPU time (user+sys of the pytest process,
set-up + call + tear-down, so a module's shared world counts in its first test) and wall time,
one tab-separated line per test, appended to $CPU_TIMES as the run goes. CPU time, unlike
`--durations`, holds on a machine shared with other work.

    CPU_TIMES=var/cpu.tsv .venv/bin/python -m pytest -p tests.cpu_times -m "not process"
    awk -F'\\t' '{split($1, m, "::"); cpu[m[1]] += $2} END {for (f in cpu) print cpu[f], f}' \\
        var/cpu.tsv | sort -rn | head
"""

import os
import time

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        return (yield)
    finally:
        with open(os.environ.get("CPU_TIMES", "cpu-times.tsv"), "a") as out:
            out.write(
                f"{item.nodeid}\t{time.process_time() - cpu:.3f}\t"
                f"{time.perf_counter() - wall:.3f}\n"
            )
