"""One cache entry per real page (issue 10, items 2 and 3): the key holds the site that the Host
picks, not the Host as sent, and only the canonical `page` number of a view that paginates."""

import pytest
from django.utils.html import escape
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from masthead.pagecache.hosts import SiteRow, pick_site
from masthead.reader.listings import SECTION_PAGE_SIZE
from tests.factories import (
    ArticlePageFactory,
    section_named,
    stories_in,
)
from tests.pagecache.conftest import stories_in as live_stories_in
from tests.worlds import module_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    section = section_named("world")
    ArticlePageFactory(parent=section, published=True)
    return section


def _listing():
    """A section with more than one page of stories."""
    section = section_named("business")
    stories_in(section, SECTION_PAGE_SIZE + 1)
    return section


listing = module_world(_listing)


def test_odd_host_ports_do_not_switch_the_cache_off(wsgi):
    for port in range(1000, 1100):
        wsgi.get("/", HOST=f"127.0.0.1:{port}")
    wsgi.get("/")
    assert wsgi.get("/").cache == "hit"
    assert wsgi.get("/", HOST="127.0.0.1:4242").cache == "hit"  # the same site: the same page


def test_a_host_django_refuses_is_never_answered_from_the_cache(wsgi):
    wsgi.get("/")
    assert wsgi.get("/").cache == "hit"
    refused = wsgi.get("/", HOST="attacker.example")
    assert (refused.status, refused.cache) == (400, None)


def test_two_sites_keep_their_own_pages(wsgi, settings, world):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "world.example"]
    Site.objects.create(hostname="world.example", port=80, root_page=world, site_name="World")
    home = wsgi.get("/")
    assert wsgi.get("/").cache == "hit"
    other = wsgi.get("/", HOST="world.example")
    assert other.cache == "miss"  # another site: never the first site's page
    assert other.body != home.body
    assert wsgi.get("/", HOST="world.example").cache == "hit"
    assert wsgi.get("/").body == home.body


def test_a_host_allowed_by_a_later_settings_change_is_cached(wsgi, settings):
    assert wsgi.get("/", HOST="late.example").status == 400
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "late.example"]
    assert wsgi.get("/", HOST="late.example").status == 200
    assert wsgi.get("/", HOST="late.example").cache == "hit"


def test_the_forwarded_host_picks_the_site_once_the_setting_says_so(wsgi, settings, world):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "world.example"]
    Site.objects.create(hostname="world.example", port=80, root_page=world, site_name="World")
    wsgi.get("/")
    home = wsgi.get("/")
    assert home.cache == "hit"
    assert wsgi.get("/", X_FORWARDED_HOST="world.example").body == home.body  # not trusted yet
    settings.USE_X_FORWARDED_HOST = True
    wsgi.get("/", X_FORWARDED_HOST="world.example")
    other = wsgi.get("/", X_FORWARDED_HOST="world.example")
    assert other.body != home.body
    assert wsgi.get("/", X_FORWARDED_HOST="world.example").body == other.body


def test_the_site_picked_for_a_host_is_wagtails(world):
    Site.objects.create(hostname="world.example", port=8080, root_page=world)
    Site.objects.create(hostname="second.example", port=80, root_page=world)
    Site.objects.create(hostname="second.example", port=81, root_page=world)
    rows = [
        SiteRow(*row)
        for row in Site.objects.values_list("pk", "hostname", "port", "is_default_site")
    ]
    for hostname in ("127.0.0.1", "world.example", "second.example", "unknown.example"):
        for port in (80, 81, 8080):
            wagtail = get_site_for_hostname(hostname, port)
            assert pick_site(rows, hostname, port).pk == wagtail.pk, (hostname, port)


def test_a_repeated_page_parameter_is_never_served_from_the_cache(wsgi, listing):
    world = listing
    first_page = live_stories_in(world)[0]
    assert wsgi.get(f"{world.url}?page=1&page=2").status == 200
    wsgi.get(f"{world.url}?page=1&page=2")
    reply = wsgi.get(f"{world.url}?page=2&page=1")  # Django reads the last one: page 1
    assert reply.cache != "hit"
    assert escape(first_page.title) in reply.text


@pytest.mark.parametrize("spelling", ["02", "%2B2", "%EF%BC%92", "2&page=2"])
def test_other_spellings_of_a_page_number_are_not_stored(wsgi, listing, spelling):
    world = listing
    wsgi.get(f"{world.url}?page=2")
    first = wsgi.get(f"{world.url}?page={spelling}")
    again = wsgi.get(f"{world.url}?page={spelling}")
    assert first.status == 200
    assert "hit" not in (first.cache, again.cache)


def test_page_one_is_the_page_itself(wsgi, listing):
    world = listing
    wsgi.get(world.url)
    assert wsgi.get(f"{world.url}?page=1").cache == "hit"
    wsgi.get(f"{world.url}?page=2")
    assert wsgi.get(f"{world.url}?page=2").cache == "hit"  # a real page of the listing


def test_page_numbers_on_a_page_that_does_not_paginate_are_not_stored(wsgi):
    story = ArticlePageFactory(published=True)
    for number in range(2, 40):
        assert wsgi.get(f"{story.url}?page={number}").status == 200
    assert wsgi.get(f"{story.url}?page=7").cache != "hit"
    wsgi.get(story.url)
    assert wsgi.get(story.url).cache == "hit"
