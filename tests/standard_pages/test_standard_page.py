"""A standard page (About, Contact, a policy) as readers, search engines and editors meet it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from masthead.pages.models import StandardPage
from tests.factories import PageViewRestrictionFactory, section_named
from tests.factories.pages import standard_page
from tests.pages import parse, visible_text
from tests.seo.helpers import json_ld, site_url

pytestmark = pytest.mark.django_db


def test_a_standard_page_shows_its_title_standfirst_body_and_last_update(client):
    standard_page(
        "Ethics policy",
        standfirst="The standards we keep.",
        body=[("heading", "Accuracy"), ("paragraph", "<p>We check facts first.</p>")],
        last_updated=date(2026, 5, 1),
    )
    page = parse(client.get("/ethics-policy/"))
    article = page.xpath("//main/article")[0]
    assert visible_text(article.xpath(".//h1")[0]) == "Ethics policy"
    assert "The standards we keep." in visible_text(article)
    assert visible_text(article.xpath(".//h2")[0]) == "Accuracy"
    assert "We check facts first." in visible_text(article)
    assert article.xpath(".//time/@datetime") == ["2026-05-01"]
    assert "Last updated May 1, 2026" in visible_text(article)
    assert visible_text(page.xpath("//title")[0]).startswith("Ethics policy | ")


def test_without_an_editors_date_the_last_publication_is_the_last_update(client):
    page = standard_page("Contact")
    shown = parse(client.get("/contact/")).xpath("//main//time/@datetime")
    assert shown == [page.updated_on_iso]
    assert page.updated_on == page.last_published_at


def test_the_page_is_described_as_a_web_page_with_a_breadcrumb(client):
    standard_page("About us", slug="about", role="about", standfirst="Who we are.")
    response = client.get("/about/")
    about = json_ld(response, "AboutPage")
    assert about["name"] == "About us"
    assert about["url"] == site_url("/about/")
    crumbs = json_ld(response, "BreadcrumbList")["itemListElement"]
    assert [crumb["item"] for crumb in crumbs] == [site_url("/"), site_url("/about/")]
    head = parse(response)
    assert head.xpath("//meta[@name='description']/@content") == ["Who we are."]
    assert head.xpath("//link[@rel='canonical']/@href") == [site_url("/about/")]


def test_a_draft_or_private_page_is_not_shown_to_readers(client):
    standard_page("Terms of use", slug="terms", publish=False)
    assert client.get("/terms/").status_code == 404
    private = standard_page("Staff handbook", slug="handbook")
    PageViewRestrictionFactory(page=private)
    assert client.get("/handbook/").status_code != 200


def test_one_page_per_role_on_a_site():
    standard_page("Ethics policy", role="ethics")
    with pytest.raises(ValidationError) as refused:
        standard_page("Our standards", role="ethics")
    assert "“Ethics policy” is already the site's ethics policy page" in str(refused.value)


def test_standard_pages_go_under_the_front_page_only():
    assert StandardPage.allowed_parent_page_models() == [
        section_named("world").get_parent().specific_class
    ]
    assert "pages.StandardPage" not in [
        f"{m._meta.app_label}.{m.__name__}"
        for m in section_named("world").specific_class.allowed_subpage_models()
    ]


def test_a_reserved_slug_is_refused():
    with pytest.raises(ValidationError, match="taken by the site's own pages"):
        standard_page("Corrections", slug="corrections")


def test_the_sitemap_lists_public_standard_pages(client):
    standard_page("About us", slug="about")
    standard_page("Draft", slug="draft", publish=False)
    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    text = response.content.decode()
    assert site_url("/about/") in text
    assert "/draft/" not in text
    assert "sitemap-pages.xml" in client.get("/sitemap.xml").content.decode()
