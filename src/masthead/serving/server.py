"""The production server process: granian's WSGI workers around `masthead.wsgi.application`.

`masthead serve` checks the installation, then replaces itself (exec) with the supervisor
(`masthead.serving.supervisor`), which runs `python -m masthead.serving.server ...` and starts it
again when it fails. Neither the supervisor nor granian's main process, which only watches its
workers and relays SIGTERM/SIGINT to them, imports Django or the site: each worker
imports `masthead.wsgi` after it has been forked, and nothing (a database connection, a thread,
a cache) is shared between workers by accident.

Granian measured several times gunicorn's throughput here (numbers: README, "Production").
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import sys

# Seconds a worker gets to finish its requests after SIGTERM before it is killed.
KILL_TIMEOUT = 10


def options(host: str, port: int, workers: int, threads: int, access_log: bool) -> list[str]:
    """This module's command-line options for the given settings."""
    args = ["--host", host, "--port", str(port), "--workers", str(workers)]
    return [*args, "--threads", str(threads), *(["--access-log"] if access_log else [])]


def command_line(server_options: list[str]) -> list[str]:
    """The arguments that run this module (granian) with the given options."""
    return [sys.executable, "-P", "-m", __name__, *server_options]


def exec_server(argv: list[str], env: dict[str, str]) -> None:
    """Become the server process (same PID, same terminal, same signals); never returns."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(argv[0], argv, env)  # noqa: S606 - our own interpreter and module


def load_application(target: str):
    """Called in each worker, after the fork."""
    from masthead.serving.memory import start_trimming, without_postgres_driver

    without_postgres_driver()
    from masthead.wsgi import application

    start_trimming()
    return application


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="masthead serve (server process)")
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--access-log", action="store_true")
    return parser.parse_args(argv)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """On Linux, be sent SIGTERM when the process that started us (the supervisor of `masthead
    serve`) dies, even by kill -9: granian runs in a process group of its own, so nothing else
    would stop it."""
    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the service manager stops the group
        return
    if os.getppid() != parent:  # it died before we asked
        os.kill(os.getpid(), signal.SIGTERM)


def main(argv: list[str] | None = None) -> None:
    from granian.constants import Interfaces
    from granian.server import Server

    options = parse(argv)
    die_with_parent()
    server = Server(
        "masthead.wsgi:application",
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        workers=options.workers,
        blocking_threads=options.threads,
        websockets=False,
        log_access=options.access_log,
        respawn_failed_workers=True,
        workers_kill_timeout=KILL_TIMEOUT,
    )
    server.serve(target_loader=load_application)


if __name__ == "__main__":
    main()
