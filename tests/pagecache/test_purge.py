"""masthead.pagecache.purge without a Varnish: configuration, batching, failures that never raise.

The purge against a real Varnish is in test_varnish.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from masthead.pagecache import purge as purging
from masthead.pagecache.purge.varnish import batches
from tests.test_commands import bare_env, free_port

BACKEND = "masthead.pagecache.purge.varnish.VarnishBackend"


class Recorder(ThreadingHTTPServer):
    """Answers PURGE with a chosen status and records the xkey-purge headers it got."""

    daemon_threads = True

    def __init__(self, status: int):
        super().__init__(("127.0.0.1", 0), PurgeHandler)
        self.status = status
        self.received: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class PurgeHandler(BaseHTTPRequestHandler):
    server: Recorder

    def do_PURGE(self):
        keys = self.headers.get("xkey-purge", "")
        self.server.received.append(keys)
        body = f"{len(keys.split())}\n".encode()
        self.send_response(self.server.status)
        self.send_header("xkey-purged", str(len(keys.split())))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def recorder(request):
    server = Recorder(getattr(request, "param", 200))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def varnish_at(settings, *urls: str, **params) -> None:
    settings.MASTHEAD_PURGE_BACKENDS = {"varnish": {"BACKEND": BACKEND, "URLS": list(urls)}}
    settings.MASTHEAD_PURGE_BACKENDS["varnish"].update(params)


def test_nothing_is_sent_unless_a_backend_is_configured(settings, recorder):
    settings.MASTHEAD_PURGE_BACKENDS = {}
    purging.purge({"page-1"})
    assert recorder.received == []


def configured_backends(home, **env) -> dict:
    """MASTHEAD_PURGE_BACKENDS as the settings module computes it in a fresh process."""
    code = "import json, masthead.settings as s; print(json.dumps(s.MASTHEAD_PURGE_BACKENDS))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=bare_env(home, **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.process
def test_the_settings_switch_varnish_on_from_the_environment(tmp_path):
    assert configured_backends(tmp_path) == {}
    urls = "http://127.0.0.1:6081, http://10.0.0.2:6081"
    assert configured_backends(tmp_path, MASTHEAD_VARNISH_URLS=urls) == {
        "varnish": {
            "BACKEND": BACKEND,
            "URLS": ["http://127.0.0.1:6081", "http://10.0.0.2:6081"],
        }
    }


def test_each_varnish_gets_every_tag(settings, recorder):
    other = Recorder(200)
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    try:
        varnish_at(settings, recorder.url, other.url)
        purging.purge({"page-2", "list-all", "", "page-1"})
    finally:
        other.shutdown()
        other.server_close()
        thread.join(timeout=10)
    assert recorder.received == other.received == ["list-all page-1 page-2"]


def test_empty_tags_send_nothing(settings, recorder):
    varnish_at(settings, recorder.url)
    purging.purge(set())
    purging.purge({""})
    assert recorder.received == []


def test_batches_keep_the_header_under_the_limit():
    tags = {f"list-section-{n}" for n in range(2000)}
    runs = list(batches(tags, 7000))
    assert len(runs) > 1
    assert all(len(run.encode()) <= 7000 for run in runs)
    assert sorted(tag for run in runs for tag in run.split()) == sorted(tags)
    assert list(batches({"x" * 50}, 10)) == ["x" * 50]  # a tag longer than the limit goes alone
    assert list(batches(set(), 10)) == []


def test_many_tags_go_out_in_several_requests(settings, recorder):
    tags = {f"page-{n}" for n in range(300)}
    varnish_at(settings, recorder.url, MAX_HEADER_BYTES=500)
    purging.purge(tags)
    assert len(recorder.received) > 1
    assert all(len(keys) <= 500 for keys in recorder.received)
    assert {tag for keys in recorder.received for tag in keys.split()} == tags


@pytest.mark.parametrize("recorder", [403], indirect=True)
def test_a_refused_purge_is_logged_with_the_url_and_status(settings, recorder, caplog):
    varnish_at(settings, recorder.url)
    with caplog.at_level("ERROR", logger="masthead.pagecache.purge"):
        purging.purge({"page-1"})
    assert recorder.received == ["page-1"]
    assert recorder.url in caplog.text
    assert "403" in caplog.text


def test_an_unreachable_varnish_is_logged_not_raised(settings, caplog):
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    varnish_at(settings, url, TIMEOUT=1)
    with caplog.at_level("ERROR", logger="masthead.pagecache.purge"):
        purging.purge({f"page-{n}" for n in range(3000)})
    assert url in caplog.text
    assert caplog.text.count(url) == 1  # one failure logged, the other batches skipped


def test_a_misconfigured_backend_is_logged_not_raised(settings, caplog):
    settings.MASTHEAD_PURGE_BACKENDS = {"varnish": {"BACKEND": BACKEND, "URLS": ["6081"]}}
    with caplog.at_level("ERROR", logger="masthead.pagecache.purge"):
        purging.purge({"page-1"})
    assert "misconfigured" in caplog.text
