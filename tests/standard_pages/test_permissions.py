"""Who makes the newsroom's own pages and menus: the chief editor, not the desks' writers."""

import pytest
from django.test import Client

from masthead.pages.models import StandardPage
from tests.factories import STAFF_PASSWORD, default_home, default_site, newsroom_staff

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=STAFF_PASSWORD)
    return client


@pytest.mark.parametrize(("username", "allowed"), [("reporter", False), ("chief", True)])
def test_only_the_chief_editor_adds_a_standard_page_under_the_front_page(username, allowed):
    user = newsroom_staff()[username]
    home = default_home()
    add = f"/admin/pages/add/pages/standardpage/{home.pk}/"
    assert (logged_in(user).get(add).status_code == 200) is allowed
    tester = home.permissions_for_user(user)
    assert tester.can_add_subpage() is allowed
    assert StandardPage in home.specific_class.allowed_subpage_models()


@pytest.mark.parametrize(("username", "allowed"), [("reporter", False), ("chief", True)])
def test_only_the_chief_editor_edits_the_menus(username, allowed):
    user = newsroom_staff()[username]
    response = logged_in(user).get(f"/admin/settings/pages/menusettings/{default_site().pk}/")
    assert (response.status_code == 200) is allowed, response.status_code
