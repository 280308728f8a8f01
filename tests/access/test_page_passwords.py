"""Page passwords are stored hashed, checked against the hash, never shown back to an editor,
and guessing them is throttled per page and per address."""

import importlib
import logging

import pytest
from django.apps import apps
from django.contrib.auth.hashers import check_password
from django.test import Client
from lxml import html as lxml_html
from wagtail.models import PageViewRestriction

from masthead.demo.loader import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.factories import ArticlePageFactory, administrator, publish, section_named

pytestmark = pytest.mark.django_db

PASSWORD = "swordfish-42"  # noqa: S105


@pytest.fixture
def story():
    section = section_named("business")
    return publish(ArticlePageFactory(parent=section, title="Harbour secrets", slug="secrets"))


@pytest.fixture
def restriction(story):
    return PageViewRestriction.objects.create(
        page=story, restriction_type="password", password=PASSWORD
    )


def try_password(client, restriction, password, address="203.0.113.7"):
    action = f"/_util/authenticate_with_password/{restriction.pk}/{restriction.page_id}/"
    data = {"password": password, "return_url": restriction.page.url}
    return client.post(action, data, REMOTE_ADDR=address)


def test_the_password_is_stored_hashed_and_opens_the_page(client, story, restriction):
    stored = PageViewRestriction.objects.get(pk=restriction.pk).password
    assert PASSWORD not in stored and check_password(PASSWORD, stored)
    assert b"Harbour secrets" not in client.get(story.url).content
    response = try_password(client, restriction, PASSWORD)
    assert response.status_code == 302 and response["Location"] == story.url
    assert b"Harbour secrets" in client.get(story.url).content


def test_a_password_set_before_the_migration_still_opens_the_page(client, story):
    # The old way: stored as typed, without the model's hashing (Wagtail before this change).
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=story, restriction_type="password", password=PASSWORD)]
    )
    restriction = PageViewRestriction.objects.get(page=story)
    assert restriction.password == PASSWORD
    migration = importlib.import_module("masthead.access.migrations.0001_hash_page_passwords")
    migration.hash_stored_passwords(apps, None)
    restriction.refresh_from_db()
    assert restriction.password != PASSWORD
    assert try_password(client, restriction, "wrong").status_code == 200
    assert try_password(client, restriction, PASSWORD).status_code == 302
    assert b"Harbour secrets" in client.get(story.url).content


def test_guessing_is_throttled_per_page_with_a_message_and_a_log_line(
    client, restriction, settings, caplog
):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        response = try_password(client, restriction, "guess")
        assert response.status_code == 200
        assert b"not correct" in response.content
    with caplog.at_level(logging.WARNING):
        response = try_password(client, restriction, "guess")
    assert response.status_code == 429
    assert b"Too many wrong attempts" in response.content
    assert "Throttled: page password" in caplog.text
    # The right password waits too, and so does another address guessing at the same page.
    assert try_password(client, restriction, PASSWORD).status_code == 429
    assert try_password(client, restriction, PASSWORD, address="198.51.100.9").status_code == 429


def test_the_privacy_dialog_never_shows_the_stored_password(client, story, restriction):
    administrator()
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    url = f"/admin/pages/{story.pk}/privacy/"
    stored = PageViewRestriction.objects.get(pk=restriction.pk).password
    dialog = client.get(url).json()["html"]
    assert 'name="password"' in dialog
    assert stored not in dialog and PASSWORD not in dialog
    assert stored.split("$")[-1] not in dialog
    # Saved with the field left empty, the password stays; with a new one, it changes.
    assert client.post(url, {"restriction_type": "password", "password": ""}).status_code == 200
    assert PageViewRestriction.objects.get(pk=restriction.pk).password == stored
    client.post(url, {"restriction_type": "password", "password": "new-secret-7"})
    changed = PageViewRestriction.objects.get(pk=restriction.pk).password
    assert check_password("new-secret-7", changed) and "new-secret-7" not in changed
    client.logout()
    assert try_password(client, restriction, "new-secret-7").status_code == 302


def test_a_new_password_restriction_still_needs_a_password(client, story):
    administrator()
    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    response = client.post(
        f"/admin/pages/{story.pk}/privacy/", {"restriction_type": "password", "password": ""}
    )
    assert "This field is required" in response.content.decode()
    assert not PageViewRestriction.objects.filter(page=story).exists()


def test_the_password_and_expired_form_pages_keep_to_the_sites_design_and_policy(
    client, story, restriction
):
    """No inline style or script: the CSP of reader pages (style-src 'self') blocked the inline
    style of Django's CSRF failure page; Wagtail's password page had no stylesheet at all."""
    wrong = try_password(client, restriction, "wrong")
    expired = Client(enforce_csrf_checks=True).post(story.url, {"password": PASSWORD})
    assert (wrong.status_code, expired.status_code) == (200, 403)
    assert "This form has expired" in expired.content.decode()
    for response in (client.get(story.url), wrong, expired):
        document = lxml_html.fromstring(response.content.decode())
        assert document.xpath("//link[@rel='stylesheet']"), "the site's stylesheet"
        assert not document.xpath("//style | //*[@style] | //script[not(@type)]")
    assert "not correct" in wrong.content.decode()
