"""A page's URL as Wagtail gives it, without a `reverse()` per page (core.models.BasePage)."""

import pytest
from django.test import RequestFactory
from django.urls import set_script_prefix
from wagtail.models import Page

from tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("script_prefix", ["/", "/news/"])
def test_page_urls_are_wagtails_for_plain_and_unicode_slugs(home, script_prefix, settings):
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    section = SectionPageFactory(parent=home, slug="world")
    stories = [
        ArticlePageFactory(parent=section, slug="plain-story_2"),
        ArticlePageFactory(parent=section, slug="café-crème"),
    ]
    request = RequestFactory().get("/")
    set_script_prefix(script_prefix)
    try:
        for page in [home, section, *stories]:
            page.refresh_from_db()
            wagtails = Page.get_url_parts(page, request)
            assert page.get_url_parts(request) == wagtails
            assert page.get_url_parts() == Page.get_url_parts(page)
    finally:
        set_script_prefix("/")
    assert stories[1].get_url_parts()[2] == "/world/caf%C3%A9-cr%C3%A8me/"
