"""Requests through the real WSGI application (page cache in front of Django) inside a test's
transaction, the way a server process handles them."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from masthead.pagecache.wsgi import PageCacheApplication


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def cache(self) -> str | None:
        return self.headers.get("X-Masthead-Cache")

    @property
    def tags(self) -> set[str]:
        return set(self.headers.get("Surrogate-Key", "").split())


class WSGIClient:
    def __init__(self):
        self.application = PageCacheApplication(WSGIHandler())

    def get(self, path: str, method: str = "GET", **headers) -> Reply:
        path, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in headers.items():
            environ[f"HTTP_{name.upper()}"] = value
        started = {}

        def start_response(status, response_headers, exc_info=None):
            started["status"] = int(status.split()[0])
            started["headers"] = dict(response_headers)

        # As Django's test client does: the test's transaction must survive the request.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            chunks = self.application(environ, start_response)
            body = b"".join(chunks)
            if hasattr(chunks, "close"):
                chunks.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Reply(started["status"], started["headers"], body)
