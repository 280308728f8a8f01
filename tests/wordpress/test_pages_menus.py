"""WordPress pages become standard pages and nav menus the site's header and footer menus:
what a reader sees at the new and old URLs and in the menus, and that a rerun changes nothing."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from masthead.pages.building import MenuEntry, set_menu
from masthead.pages.models import StandardPage
from masthead.wordpress.models import ImportedObject
from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.django_db

EXPORT = FIXTURES / "pages.xml"


def run(path=EXPORT, *args):
    out = StringIO()
    call_command("import-wordpress", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def imported(kind, wp_id):
    row = ImportedObject.objects.get(kind=kind, wp_id=wp_id)
    return Page.objects.get(pk=row.object_id).specific


def links(html, region):
    """(href, text) of each link in the page's header nav or footer nav, in order."""
    found = re.search(rf'<nav class="{region}"[^>]*>(.*?)</nav>', html, re.S)
    assert found, f"no {region} in the page"
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', found.group(1))


def footer_groups(html):
    found = re.search(r'<nav class="site-footer__nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    groups = re.split(r'<div class="site-footer__group">', found)[1:]
    return [
        (
            (re.search(r'<h2 class="site-footer__heading">([^<]*)</h2>', g) or [None, ""])[1],
            re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', g),
        )
        for g in groups
    ]


def test_pages_answer_at_their_new_urls_and_old_ones_redirect_once(home, client):
    output = run()
    about, team = imported("page", 201), imported("page", 202)
    assert isinstance(about, StandardPage) and about.url == "/about-us/"
    page = client.get("/about-us/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "A newsroom in the valley." in body and "Who we are" in body
    assert "News you can use." in body  # a quote, as a paragraph
    # A child page: flattened under the front page, its nested path redirects once.
    assert team.get_parent().pk == home.pk and team.url == "/team/"
    assert client.get("/team/").status_code == 200
    response = client.get("/about-us/team/")
    assert (response.status_code, response["Location"]) == (301, "/team/")
    assert "now directly under the front page" in output
    for wp_id, url in ((201, "/about-us/"), (202, "/team/")):
        response = client.get(f"/?page_id={wp_id}")
        assert (response.status_code, response["Location"]) == (301, url)
    # Private, password-protected and draft pages: imported, never public.
    for wp_id, old in ((203, "/staff-handbook/"), (205, None), (206, "/members/")):
        assert not imported("page", wp_id).live
        assert client.get(f"/?page_id={wp_id}").status_code == 404
        if old:
            assert client.get(old).status_code == 404
    assert client.get("/staff-handbook/").status_code == 404


def test_a_page_at_one_of_masthead_routes_keeps_the_route_and_is_reported(home, client):
    output = run()
    tips = imported("page", 204)
    assert tips.live and tips.url == "/search-204/"  # /search/ is Masthead's search
    assert client.get("/search-204/").status_code == 200
    assert not Redirect.objects.filter(old_path="/search").exists()
    assert client.get("/search/").status_code == 200
    assert "How to find an old story." not in client.get("/search/").content.decode()
    assert client.get("/?page_id=204")["Location"] == "/search-204/"
    assert "/search: the old URL is one of Masthead's own" in output


def test_the_menus_show_the_imported_links_in_order(home, client):
    output = run()
    story = imported("post", 210)
    news = story.get_parent()
    html = client.get("/about-us/").content.decode()
    assert links(html, "masthead__nav") == [
        ("/about-us/", "About us"),
        ("/team/", "Our team"),  # a sub-item: right after its parent
        (news.url, "News"),
        (story.url, "Read this"),
        ("https://social.example/courier", "Follow us"),
    ]
    assert footer_groups(html) == [
        ("About the Courier", [("/about-us/", "About us"), ("/search-204/", "Search tips")]),
        ("", [("mailto:desk@courier.example", "Email the desk"), ("/feed/", "RSS")]),
    ]
    assert "javascript:" not in html
    assert "nav_menu_item 305 (Evil): address refused" in output
    assert (
        "nav_menu_item 307 (untitled): links to page 203, which was not imported or is not public"
        in output
    )


def test_a_rerun_changes_nothing_and_an_edited_export_updates(home, client, tmp_path):
    run()
    html = client.get("/about-us/").content.decode()
    pages, redirects = Page.objects.count(), Redirect.objects.count()
    revision = imported("page", 201).latest_revision_id
    second = run()
    assert not re.search(r"\d+ (imported|updated)", second), second
    assert "page: 6 unchanged" in second and "menu: 2 unchanged" in second
    assert (Page.objects.count(), Redirect.objects.count()) == (pages, redirects)
    assert imported("page", 201).latest_revision_id == revision
    assert client.get("/about-us/").content.decode() == html
    edited = tmp_path / "edited.xml"
    edited.write_text(
        EXPORT.read_text()
        .replace("A newsroom in the valley.", "A newsroom by the river.")
        .replace("Follow us", "Our social feed")
    )
    third = run(edited)
    assert "page: 1 updated, 5 unchanged" in third and "menu: 1 updated, 1 unchanged" in third
    html = client.get("/about-us/").content.decode()
    assert "A newsroom by the river." in html
    assert ("https://social.example/courier", "Our social feed") in links(html, "masthead__nav")
    assert Page.objects.count() == pages


def test_an_editors_change_to_a_page_or_a_menu_is_kept_unless_forced(home, site, client, tmp_path):
    run()
    about = imported("page", 201)
    about.title = "About the Courier"
    about.save_revision().publish()
    set_menu(site, "header", [MenuEntry(url="/feed/", label="Feed")])
    edited = tmp_path / "edited.xml"
    edited.write_text(EXPORT.read_text().replace("A newsroom in the valley.", "Changed"))
    output = run(edited)
    assert "page 201 (About us): edited in Masthead since the import" in output
    assert "menu Primary (header): edited in Masthead since the import" in output
    html = client.get("/about-us/").content.decode()
    assert "About the Courier" in html and links(html, "masthead__nav") == [("/feed/", "Feed")]
    run(edited, "--force")
    html = client.get("/about-us/").content.decode()
    assert "Changed" in html and links(html, "masthead__nav")[0] == ("/about-us/", "About us")
