"""The throttle holds across server processes: guesses spread over two `masthead serve`
processes (sharing one database, as servers behind a load balancer do) are counted together, for
the editor's login and for a page password alike."""

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.homes import copy_home
from tests.pagecache.test_processes import Server
from tests.publishing.processes import Newsroom

pytestmark = pytest.mark.process

LIMIT = 4
PAGE_PASSWORD = "harbour-pass-1"  # noqa: S105
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ACTION = re.compile(r'action="(/_util/authenticate_with_password/[0-9]+/[0-9]+/)"')


class Browser:
    """One client (cookies shared by both servers, as one host's cookies are), behind a proxy
    that names it in X-Forwarded-For."""

    def __init__(self, address: str):
        self.address = address
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            NoRedirect(),
        )

    def request(self, port: int, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body)
        request.add_header("X-Forwarded-For", self.address)
        request.add_header("Referer", f"http://127.0.0.1:{port}{path}")
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.read().decode()

    def post_form(self, port: int, form_path: str, fields: dict, action: str = "") -> int:
        status, page = self.request(port, form_path)
        assert status == 200, (status, page[:300])
        if not action:
            action = form_path
        if action == "from-page":
            action = ACTION.search(page).group(1)
        token = CSRF.search(page).group(1)
        return self.request(port, action, {**fields, "csrfmiddlewaretoken": token})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def servers(tmp_path_factory, demo_home_template):
    room = Newsroom(copy_home(demo_home_template, tmp_path_factory.mktemp("throttle-processes")))
    room.shell(
        "from wagtail.models import PageViewRestriction\n"
        "from masthead.sections.models import SectionPage\n"
        "section = SectionPage.objects.get(slug='business')\n"
        f"PageViewRestriction.objects.create(page=section, restriction_type='password', "
        f"password='{PAGE_PASSWORD}')\n"
        "print('DONE 1')",
        "DONE",
    )
    env = {"MASTHEAD_LOGIN_FAILURE_LIMIT": str(LIMIT), "MASTHEAD_TRUSTED_PROXIES": "127.0.0.1"}
    started = [Server(room, f"server-{n}", env) for n in range(2)]
    try:
        yield started
    finally:
        for server in started:
            server.stop()


def test_admin_login_guesses_on_two_servers_are_counted_together(servers):
    guesser = Browser("203.0.113.10")
    fields = {"username": "admin", "password": "wrong-guess"}
    statuses = [
        guesser.post_form(servers[n % 2].port, "/admin/login/", fields)[0] for n in range(LIMIT)
    ]
    assert statuses == [200] * (LIMIT - 1) + [429], statuses
    right = {"username": "admin", "password": "masthead-demo"}
    for server in servers:  # the account is paused on both, even from another address
        status, page = Browser("198.51.100.10").post_form(server.port, "/admin/login/", right)
        assert status == 429
        assert "Too many wrong attempts" in page
    logs = "".join(server.log.read_text() for server in servers)
    assert "Throttled: login as 'admin' from 203.0.113.10" in logs


def test_page_password_guesses_on_two_servers_are_counted_together(servers):
    guesser = Browser("203.0.113.20")
    wrong = {"password": "wrong-guess", "return_url": "/business/"}
    statuses = [
        guesser.post_form(servers[n % 2].port, "/business/", wrong, "from-page")[0]
        for n in range(LIMIT)
    ]
    assert statuses == [200] * (LIMIT - 1) + [429], statuses
    right = {"password": PAGE_PASSWORD, "return_url": "/business/"}
    for server in servers:
        status, page = Browser("198.51.100.20").post_form(
            server.port, "/business/", right, "from-page"
        )
        assert status == 429
        assert "Too many wrong attempts" in page
