"""Logins (the editor's and the reader's) are throttled per account and per address, with a
clear message and a log line; the reader login lands on a page that exists."""

import logging

import pytest
from django.contrib.auth import get_user_model

from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from masthead.publishing import roles
from tests.factories import administrator, staff_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("accounts")]

ADMIN_LOGIN = "/admin/login/"
READER_LOGIN = "/_util/login/"


def log_in(client, url, username, password, address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def accounts(db):
    """The administrator, and the chief editor, a colleague with the same password."""
    administrator()
    staff_member("chief", roles.CHIEF_EDITOR)


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


@pytest.mark.parametrize("url", [ADMIN_LOGIN, READER_LOGIN])
def test_an_account_is_paused_after_failures_from_any_address(client, limit, url, caplog):
    for n in range(limit - 1):
        assert log_in(client, url, ADMIN_USERNAME, "guess", f"192.0.2.{n}").status_code == 200
    with caplog.at_level(logging.WARNING):
        response = log_in(client, url, ADMIN_USERNAME, "guess", "192.0.2.99")
    assert response.status_code == 429
    assert "Too many wrong attempts" in response.content.decode()
    assert "Throttled: login" in caplog.text
    assert "Locking out" in caplog.text  # django-axes' own line
    # The right password is refused while the pause lasts, from a fresh address too.
    response = log_in(client, url, ADMIN_USERNAME, ADMIN_PASSWORD, "198.51.100.1")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_is_paused_after_failures_on_any_account(client, limit):
    for n in range(limit):
        log_in(client, ADMIN_LOGIN, f"nobody-{n}", "guess")
    response = log_in(client, ADMIN_LOGIN, ADMIN_USERNAME, ADMIN_PASSWORD)
    assert response.status_code == 429
    # Elsewhere the account still works.
    response = log_in(client, ADMIN_LOGIN, ADMIN_USERNAME, ADMIN_PASSWORD, "198.51.100.1")
    assert response.status_code == 302


def test_attempts_refused_during_a_pause_neither_count_nor_lengthen_it(client, limit):
    """The right password typed while an address is paused must not count as a failure: not
    for that account (it would lengthen the pause) nor for a colleague's account that is tried
    from the same address (it would pause that account everywhere)."""
    from axes.models import AccessAttempt

    for n in range(limit):
        log_in(client, ADMIN_LOGIN, ADMIN_USERNAME, f"guess-{n}")
    failures = list(AccessAttempt.objects.values_list("username", "failures_since_start"))
    for username in (ADMIN_USERNAME, "chief", ADMIN_USERNAME):
        assert log_in(client, ADMIN_LOGIN, username, ADMIN_PASSWORD).status_code == 429
    assert list(AccessAttempt.objects.values_list("username", "failures_since_start")) == failures
    # The colleague's account is not paused elsewhere.
    response = log_in(client, ADMIN_LOGIN, "chief", ADMIN_PASSWORD, "198.51.100.2")
    assert response.status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, limit, settings):
    settings.MASTHEAD_TRUSTED_PROXIES = frozenset({"127.0.0.1"})
    for n in range(limit):
        client.post(
            ADMIN_LOGIN,
            {"username": f"nobody-{n}", "password": "guess"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.50",
        )
    # Another reader behind the same proxy is not locked out with the guesser.
    response = client.post(
        ADMIN_LOGIN,
        {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302


def test_logging_in_many_times_with_the_right_password_is_never_throttled(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 5):
        assert log_in(client, ADMIN_LOGIN, ADMIN_USERNAME, ADMIN_PASSWORD).status_code == 302
        client.logout()


def test_the_reader_login_goes_back_to_the_page_or_to_the_front_page(client):
    get_user_model().objects.create_user("reader-one", password="reader-password-1")
    response = log_in(client, READER_LOGIN, "reader-one", "reader-password-1")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200
    client.logout()
    response = client.post(
        f"{READER_LOGIN}?next=/business/",
        {"username": "reader-one", "password": "reader-password-1"},
    )
    assert response["Location"] == "/business/"
