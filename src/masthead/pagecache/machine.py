"""Processes of this machine: how a process names the machine it runs on, and whether a process
that named itself so has ended. Used to stop waiting for a killed process at once rather than
when its records or its lease run out (the purge's acknowledgements, the scheduler's lease)."""

from __future__ import annotations

import os
import socket


def machine() -> str:
    """This machine as process records name it: the host name and, on Linux, the pid namespace
    (two containers may share a host name, never a pid namespace)."""
    try:
        namespace = os.readlink("/proc/self/ns/pid").removeprefix("pid:")
    except OSError:
        namespace = ""
    return f"{socket.gethostname()}{namespace}"


def ended_here(process: str, here: str) -> bool:
    """Whether `process` ran on this machine (`here`: `machine()`) and its pid has ended
    (gone, or a zombie its parent has not reaped yet). A pid reused since reads as running: the
    process is then waited for until its records stop, as any process elsewhere."""
    where, _, rest = process.partition(":")
    pid = rest.partition(":")[0]
    if where != here or not pid.isdigit():
        return False
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[:1] == [b"Z"]
    except FileNotFoundError:
        return True
    except OSError:
        pass
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # running, as another user
    return False
