"""The bench's warm-up before a wrk scenario (bench/__main__.py, warm): a page that answers an
error, as a search stopped by its time limit does with a 503 on a loaded machine, does not end
the run's wrk, memory and freshness step."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench import load
from bench.__main__ import warm


class Busy(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        self.send_response(503)
        self.send_header("X-Masthead-Cache", "bypass")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_scenario_whose_page_answers_503_is_warmed_and_measured_all_the_same():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Busy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        paths = ["/search/?q=the", "/search/?q=said"]
        assert warm(load.Scenario("search", origin, paths[0], paths)) == "bypass"
    finally:
        server.shutdown()
        server.server_close()
