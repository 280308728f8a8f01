"""The newsroom's admin stylesheet is on every form whose image choosers get the "Upload an
image" button (editor.js): without it the button's file input shows, squashed, over the field."""

import pytest

from tests.factories import ArticlePageFactory, default_site
from tests.pages import parse

pytestmark = pytest.mark.django_db


def stylesheets(client, url):
    return parse(client.get(url)).xpath("//link[@rel='stylesheet']/@href")


@pytest.mark.parametrize("form", ["site settings", "story"])
def test_the_forms_with_an_upload_button_have_the_newsroom_stylesheet(admin_client, form):
    if form == "site settings":
        url = f"/admin/settings/core/sitesettings/{default_site().pk}/"
    else:
        url = f"/admin/pages/{ArticlePageFactory(with_lead_image=True).pk}/edit/"
    assert any("newsroom/newsroom" in href for href in stylesheets(admin_client, url))
