"""The header and footer menus the editors set: what readers see in them, and what is refused."""

import pytest
from django.core.exceptions import ValidationError

from masthead.pages.links import validate_menu_url
from masthead.pages.models import FooterMenuItem, HeaderMenuItem, MenuSettings
from tests.factories import default_site, section_named
from tests.factories.pages import MenuEntry, set_menu, standard_page
from tests.pages import links, parse, visible_text
from tests.seo.helpers import json_ld, site_url

pytestmark = pytest.mark.django_db


def header_links(client, path="/"):
    return links(parse(client.get(path)), "//nav[@class='masthead__nav']//a")


def footer_groups(client, path="/"):
    page = parse(client.get(path))
    return [
        (visible_text(group.xpath("h2")[0]) if group.xpath("h2") else "", links(group, ".//a"))
        for group in page.xpath("//footer//div[@class='site-footer__group']")
    ]


def test_without_a_header_menu_the_header_lists_the_sections(client):
    section_named("world")
    section_named("business")
    assert header_links(client) == [("World", "/world/"), ("Business", "/business/")]


def test_the_header_menu_shows_sections_pages_and_addresses_in_order(client):
    world, business = section_named("world"), section_named("business")
    about = standard_page("About us", slug="about")
    set_menu(
        default_site(),
        "header",
        [
            MenuEntry(page=business),
            MenuEntry(page=about, label="Who we are"),
            MenuEntry(url="https://example.org/podcast", label="Podcast"),
            MenuEntry(page=world),
        ],
    )
    assert header_links(client) == [
        ("Business", "/business/"),
        ("Who we are", "/about/"),
        ("Podcast", "https://example.org/podcast"),
        ("World", "/world/"),
    ]
    current = parse(client.get("/about/")).xpath("//nav[@class='masthead__nav']//a[@aria-current]")
    assert [(a.text, a.get("aria-current")) for a in current] == [("Who we are", "page")]


def test_the_footer_shows_its_groups_the_feeds_the_footer_text_and_the_copyright(client):
    about, ethics = standard_page("About us", slug="about"), standard_page("Ethics policy")
    set_menu(
        default_site(),
        "footer",
        [
            MenuEntry(page=about, group="About us"),
            MenuEntry(url="mailto:newsroom@example.org", label="E-mail us", group="About us"),
            MenuEntry(page=ethics, group="Policies"),
            MenuEntry(url="/corrections/", label="Corrections", group="Policies"),
        ],
    )
    assert footer_groups(client) == [
        ("About us", [("About us", "/about/"), ("E-mail us", "mailto:newsroom@example.org")]),
        ("Policies", [("Ethics policy", "/ethics-policy/"), ("Corrections", "/corrections/")]),
    ]
    footer = parse(client.get("/")).xpath("//footer")[0]
    assert ("RSS feed", "/feed/") in links(footer, ".//a")
    assert ("Atom feed", "/feed/atom/") in links(footer, ".//a")
    assert "© " in visible_text(footer)


def test_a_link_to_an_unpublished_or_deleted_page_disappears(client):
    about, contact = standard_page("About us", slug="about"), standard_page("Contact")
    world = section_named("world")
    set_menu(default_site(), "header", [MenuEntry(page=p) for p in (about, contact, world)])
    set_menu(default_site(), "footer", [MenuEntry(page=about), MenuEntry(page=contact)])
    assert [label for label, _ in header_links(client)] == ["About us", "Contact", "World"]

    about.unpublish()
    contact.delete()

    assert header_links(client) == [("World", "/world/")]
    assert footer_groups(client) == []
    # The item that lost its page is kept for the editor to point elsewhere.
    assert HeaderMenuItem.objects.filter(page__isnull=True).count() == 1
    assert FooterMenuItem.objects.count() == 2


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
        "about/",
        "https://",
        "ftp://example.org/",
        "https://example.org/a b",
    ],
)
def test_a_menu_link_that_is_not_http_mailto_or_site_relative_is_refused(url):
    with pytest.raises(ValidationError) as refused:
        set_menu(default_site(), "header", [MenuEntry(url=url, label="Click")])
    assert "The header menu's link 1" in str(refused.value)
    assert not HeaderMenuItem.objects.exists()  # nothing half-saved


@pytest.mark.parametrize(
    "url", ["https://example.org/", "http://example.org/x?y=1", "mailto:a@example.org", "/feed/"]
)
def test_http_mailto_and_site_relative_links_are_accepted(url):
    validate_menu_url(url)


def test_the_admin_refuses_a_javascript_link_with_a_message(admin_client):
    site = default_site()
    url = f"/admin/settings/pages/menusettings/{site.pk}/"
    form = {
        "header_items-TOTAL_FORMS": "1",
        "header_items-INITIAL_FORMS": "0",
        "header_items-MIN_NUM_FORMS": "0",
        "header_items-MAX_NUM_FORMS": "1000",
        "header_items-0-url": "javascript:alert(document.cookie)",
        "header_items-0-label": "Prize",
        "header_items-0-ORDER": "1",
        "footer_items-TOTAL_FORMS": "0",
        "footer_items-INITIAL_FORMS": "0",
        "footer_items-MIN_NUM_FORMS": "0",
        "footer_items-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 200  # the form again, with the error
    assert "is not a link a menu may show" in response.content.decode()
    assert not HeaderMenuItem.objects.exists()

    form["header_items-0-url"] = "https://example.org/prize"
    assert admin_client.post(url, form).status_code == 302
    assert MenuSettings.for_site(site).header_items.get().url == "https://example.org/prize"


def footer_form(*links):
    """The menu settings form with an empty header and the footer `links` as (group, label,
    url), in that order."""
    form = {
        "header_items-TOTAL_FORMS": "0",
        "header_items-INITIAL_FORMS": "0",
        "header_items-MIN_NUM_FORMS": "0",
        "header_items-MAX_NUM_FORMS": "1000",
        "footer_items-TOTAL_FORMS": str(len(links)),
        "footer_items-INITIAL_FORMS": "0",
        "footer_items-MIN_NUM_FORMS": "0",
        "footer_items-MAX_NUM_FORMS": "1000",
    }
    for n, (group, label, url) in enumerate(links):
        form |= {
            f"footer_items-{n}-group": group,
            f"footer_items-{n}-label": label,
            f"footer_items-{n}-url": url,
            f"footer_items-{n}-ORDER": str(n + 1),
        }
    return form


def test_the_admin_refuses_two_footer_groups_with_the_same_heading(admin_client, client):
    url = f"/admin/settings/pages/menusettings/{default_site().pk}/"
    links = [
        ("About us", "Contact", "mailto:desk@example.org"),
        ("Follow", "RSS feed", "/feed/"),
        ("about us ", "Jobs", "/jobs/"),  # the same heading, in another place
    ]
    response = admin_client.post(url, footer_form(*links))
    assert response.status_code == 200  # the form again, with the error
    page = parse(response)
    message = visible_text(page)
    assert "The footer menu has two groups headed “About us”" in message
    assert "links 1 and 3" in message
    # The form keeps what was typed: nothing is lost.
    assert page.xpath("//input[@name='footer_items-2-label']/@value") == ["Jobs"]
    assert not FooterMenuItem.objects.exists()

    links[2], links[1] = links[1], links[2]  # the two "About us" links one after another
    assert admin_client.post(url, footer_form(*links)).status_code == 302
    assert footer_groups(client)[:2] == [
        ("About us", [("Contact", "mailto:desk@example.org"), ("Jobs", "/jobs/")]),
        ("Follow", [("RSS feed", "/feed/")]),
    ]


def test_the_publisher_points_at_the_policy_pages(client):
    standard_page("About us", slug="about", role="about")
    standard_page("Ethics policy", role="ethics")
    standard_page("Corrections policy", role="corrections")
    standard_page("Privacy policy", slug="privacy", role="privacy")
    organisation = json_ld(client.get("/"), "NewsMediaOrganization")
    assert organisation["publishingPrinciples"] == site_url("/ethics-policy/")
    assert organisation["ethicsPolicy"] == site_url("/ethics-policy/")
    assert organisation["correctionsPolicy"] == site_url("/corrections-policy/")
    assert organisation["masthead"] == site_url("/about/")

    standard_page("Our principles", slug="principles", role="principles")
    organisation = json_ld(client.get("/"), "NewsMediaOrganization")
    assert organisation["publishingPrinciples"] == site_url("/principles/")


def test_the_publisher_names_no_policy_the_site_does_not_publish(client):
    standard_page("Ethics policy", role="ethics", publish=False)
    organisation = json_ld(client.get("/"), "NewsMediaOrganization")
    assert not {"ethicsPolicy", "publishingPrinciples", "masthead"} & set(organisation)
