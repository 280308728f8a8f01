"""`--media-base-url`: files fetched from a real HTTP server on 127.0.0.1, only under the base,
never through a redirect to another host, within a size limit."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

from masthead.wordpress.fetch import Fetcher
from masthead.wordpress.media import Unusable

pytestmark = pytest.mark.process

PORT, OTHER_PORT = 18711, 18712


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, "PNG")
    return buffer.getvalue()


class OldSite(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/wp-content/uploads/2024/05/flood.png":
            self.answer(200, png())
        elif self.path == "/wp-content/uploads/2024/05/away.png":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{OTHER_PORT}/wp-content/uploads/x.png")
            self.end_headers()
        elif self.path == "/wp-content/uploads/2024/05/big.png":
            self.answer(200, b"x" * 5000)
        else:
            self.answer(404, b"")

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site():
    server = ThreadingHTTPServer(("127.0.0.1", PORT), OldSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{PORT}"
    server.shutdown()
    server.server_close()


def test_a_file_under_the_base_is_fetched_where_uploads_would_hold_it(old_site):
    fetcher = Fetcher(old_site)
    fetcher.fetch(f"{old_site}/wp-content/uploads/2024/05/flood.png")
    assert (fetcher.folder / "2024/05/flood.png").read_bytes() == png()


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://example.org/wp-content/uploads/a.png", "not under --media-base-url"),
        ("file:///etc/passwd", "not under --media-base-url"),
        (f"http://127.0.0.1:{PORT}/wp-content/uploads/2024/05/away.png", "redirected away"),
        (f"http://127.0.0.1:{PORT}/wp-content/uploads/2024/05/big.png", "larger than 1,000"),
        (f"http://127.0.0.1:{PORT}/wp-content/uploads/2024/05/gone.png", "could not fetch"),
        (f"http://127.0.0.1:{PORT}/wp-content/uploads/../../etc/passwd", "not under"),
    ],
)
def test_anything_else_is_refused_with_its_reason(old_site, url, reason):
    with pytest.raises(Unusable, match=reason):
        Fetcher(old_site, max_bytes=1000).fetch(url)


@pytest.mark.django_db
def test_the_command_imports_fetched_images(old_site, home, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    from masthead.wordpress.models import ImportedObject

    export = tmp_path / "export.xml"
    export.write_text(
        f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{old_site}</wp:base_site_url>
<item><title>Flood</title><wp:post_id>5</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status>
<wp:attachment_url>{old_site}/wp-content/uploads/2024/05/flood.png</wp:attachment_url></item>
<item><title>Away</title><wp:post_id>6</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status>
<wp:attachment_url>{old_site}/wp-content/uploads/2024/05/away.png</wp:attachment_url></item>
</channel></rss>"""
    )
    out = StringIO()
    call_command(
        "import-wordpress", str(export), "--media-base-url", old_site, stdout=out, stderr=StringIO()
    )
    assert "attachment: 1 imported, 1 skipped" in out.getvalue()
    assert "redirected away" in out.getvalue()
    assert ImportedObject.objects.filter(kind="attachment", wp_id=5).exists()
