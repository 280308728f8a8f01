"""The newsroom behind a real TLS front end: nginx on 127.0.0.1 with a certificate made here,
proxying to `masthead serve` run with MASTHEAD_BASE_URL=https://127.0.0.1:<port> and
MASTHEAD_BEHIND_TLS_PROXY=1, as docs/security.md tells an operator to.

nginx has two server blocks: TLS (X-Forwarded-Proto: https) and plain http (X-Forwarded-Proto:
http). tests/e2e/security.mjs logs in to the admin through TLS in Chromium and walks the editor
under the admin's Content-Security-Policy. One nginx and one server serve every test here.
"""

import http.client
import json
import os
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.test_newsroom_flow import CHROME, ROOT, run, start, stop
from tests.homes import copy_demo_home
from tests.test_commands import BIN, REFERENCE_URL, bare_env, free_port

pytestmark = [pytest.mark.browser, pytest.mark.process]

SCRIPT = Path(__file__).with_name("security.mjs")

NGINX_CONF = """\
{user}
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $remote_addr;
    server {{
        listen 127.0.0.1:{tls_port} ssl;
        ssl_certificate {dir}/cert.pem;
        ssl_certificate_key {dir}/key.pem;
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
    server {{
        listen 127.0.0.1:{http_port};
        location / {{
            proxy_pass http://127.0.0.1:{app_port};
            proxy_set_header X-Forwarded-Proto http;
        }}
    }}
}}
"""


def make_certificate(folder: Path) -> None:
    """A self-signed certificate for 127.0.0.1, valid for a day."""
    result = run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt"),
            *("ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", folder / "key.pem", "-out", folder / "cert.pem"),
        ],
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def request(port: int, path: str, tls: bool, cafile: Path | None = None, **headers):
    if tls:
        context = ssl.create_default_context(cafile=str(cafile))
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def wait_until_answering(port: int, log: Path, process, status: int, timeout=180.0) -> None:
    """Until a plain-http request marked https by a proxy gets `status` (the app answers 200;
    nginx's plain-http block, which marks it http, answers Masthead's redirect)."""
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, f"the process exited:\n{log.read_text(errors='replace')}"
        try:
            if request(port, "/robots.txt", False, **{"X-Forwarded-Proto": "https"})[0] == status:
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"no answer in {timeout} s:\n{log.read_text()}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def front_end(tmp_path_factory, demo_home_template):
    if not (ROOT / "node_modules" / "playwright-core").exists() or not Path(CHROME).exists():
        pytest.fail("these tests need playwright-core (npm ci) and Chromium at " + CHROME)
    home = tmp_path_factory.mktemp("tls-home")
    folder = tmp_path_factory.mktemp("tls-nginx")
    app_port, tls_port, http_port = free_port(), free_port(), free_port()
    env = bare_env(
        home, MASTHEAD_BASE_URL=f"https://127.0.0.1:{tls_port}", MASTHEAD_BEHIND_TLS_PROXY="1"
    )
    copy_demo_home(demo_home_template, home, env)
    shell = run(
        [
            *(BIN / "masthead", "shell", "-c"),
            "from masthead.articles.models import ArticlePage;"
            f"print(ArticlePage.objects.get(url_path__endswith={REFERENCE_URL!r}).pk)",
        ],
        timeout=120,
        env=env,
    )
    assert shell.returncode == 0, shell.stdout + shell.stderr
    make_certificate(folder)
    conf = folder / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(
        NGINX_CONF.format(
            user=user, dir=folder, tls_port=tls_port, http_port=http_port, app_port=app_port
        )
    )
    server = start(
        [BIN / "masthead", "serve", "--workers", "1", "--port", app_port], env, home / "serve.log"
    )
    nginx = start(
        ["nginx", "-c", conf, "-p", folder, "-e", "stderr", "-g", "daemon off;"],
        os.environ.copy(),
        folder / "nginx.log",
    )
    try:
        wait_until_answering(app_port, home / "serve.log", server, 200)
        wait_until_answering(http_port, folder / "nginx.log", nginx, 301)
        yield {
            "tls": f"https://127.0.0.1:{tls_port}",
            "tls_port": tls_port,
            "http_port": http_port,
            "cafile": folder / "cert.pem",
            "story": shell.stdout.strip().splitlines()[-1],
        }
    finally:
        stop(nginx)
        stop(server)


@pytest.fixture(scope="module")
def editor_session(front_end):
    """security.mjs's walk through the editor over TLS: cookies, CSP violations, steps."""
    result = subprocess.run(
        ["node", str(SCRIPT), front_end["tls"], front_end["story"], REFERENCE_URL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_an_editor_logs_in_through_tls_and_gets_a_secure_session_cookie(editor_session):
    """Before: 403 "Origin checking failed" at the login form."""
    cookies = {cookie["name"]: cookie for cookie in editor_session["cookies"]}
    assert cookies["sessionid"]["secure"] is True
    assert cookies["sessionid"]["httpOnly"] is True
    assert cookies["csrftoken"]["secure"] is True


def test_the_editor_and_the_reader_site_run_without_a_csp_violation(editor_session):
    assert editor_session["steps"] == [
        "log in",
        "story editor",
        "schedule dialog and its date picker",
        "image chooser",
        "inline panel: add a byline",
        "reader story page",
    ]
    assert editor_session["violations"] == []
    # JSON-LD is a data block: under `script-src 'self'` it stays, and nothing reports it.
    assert editor_session["json_ld"] >= 1


def test_a_cached_page_over_plain_http_is_redirected_to_https(front_end):
    tls, cafile = front_end["tls_port"], front_end["cafile"]
    for _ in range(2):
        status, headers, _ = request(tls, REFERENCE_URL, True, cafile)
        assert status == 200
    assert headers["X-Masthead-Cache"] == "hit"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Content-Security-Policy" in headers

    status, headers, body = request(front_end["http_port"], REFERENCE_URL, False)
    assert (status, body) == (301, b"")
    assert headers["Location"] == front_end["tls"] + REFERENCE_URL
    assert "Strict-Transport-Security" not in headers
