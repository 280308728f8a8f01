"""A WSGI app that answers every request with one recorded 200 response (headers and body):
under granian, the floor for a Python server sending a cached Masthead story, the same bytes
with the same headers. The yardstick step records the response; BENCH_REPLAY names the file."""

import json
import os
from pathlib import Path

# Headers the server adds itself: recorded copies would be sent twice.
SERVER_HEADERS = {"connection", "date", "keep-alive", "server", "transfer-encoding"}


def record(path: Path, headers, body: bytes) -> None:
    """Write a 200 response's headers (name, value pairs) to `path`, its body beside it."""
    kept = [[name, value] for name, value in headers if name.lower() not in SERVER_HEADERS]
    path.with_suffix(".body").write_bytes(body)
    path.write_text(json.dumps(kept))


def load(path: Path) -> tuple[list[tuple[str, str]], bytes]:
    headers = [(name, value) for name, value in json.loads(path.read_text())]
    return headers, path.with_suffix(".body").read_bytes()


HEADERS, BODY = (
    load(Path(os.environ["BENCH_REPLAY"])) if "BENCH_REPLAY" in os.environ else ([], b"")
)


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
