"""The publication's name, tagline and footer come from the site settings editors change."""

import pytest

from masthead.core.models import SiteSettings
from masthead.core.sites import DEFAULT_NAME
from masthead.pagecache.models import Invalidation
from tests.factories import administrator, small_newsroom
from tests.pages import parse, visible_text
from tests.worlds import module_world

pytestmark = pytest.mark.django_db


newsroom = module_world(small_newsroom)


@pytest.fixture
def pages(newsroom) -> list[str]:
    return ["/", "/top-news/", newsroom.story_url, "/tags/pakistan/", "/authors/amara-okafor/"]


def test_editing_the_site_settings_changes_every_page(client, site, pages):
    settings = SiteSettings.for_site(site)
    settings.name = "The Evening Ledger"
    settings.tagline = "Independent local news"
    settings.footer_text = "The Evening Ledger, 1 High Street"
    settings.save()
    for url in pages:
        page = parse(client.get(url))
        assert "The Evening Ledger" in page.findtext(".//title"), url
        name = visible_text(page.xpath("//p[@class='masthead__name']")[0])
        tagline = visible_text(page.xpath("//p[@class='masthead__tagline']")[0])
        assert (name, tagline) == ("The Evening Ledger", "Independent local news"), url
        assert "1 High Street" in visible_text(page.xpath("//footer")[-1]), url


def test_the_site_settings_screen_offers_name_logo_tagline_and_footer(client, site):
    administrator()
    client.login(username="admin", password="masthead-demo")
    html = client.get(f"/admin/settings/core/sitesettings/{site.pk}/").content.decode()
    for label in ("Publication name", "Logo", "Tagline", "Footer text"):
        assert label in html, label


def test_every_page_has_a_title_and_description_of_its_own(client, pages):
    seen_titles, seen_descriptions = set(), set()
    for url in [*pages, "/business/?page=2", "/world/asia/"]:
        page = parse(client.get(url))
        title = page.findtext(".//title").strip()
        description = page.xpath("//meta[@name='description']/@content")[0].strip()
        assert title and description, url
        assert title not in seen_titles, f"{url} repeats the title {title!r}"
        assert description not in seen_descriptions, f"{url} repeats {description!r}"
        seen_titles.add(title)
        seen_descriptions.add(description)


def test_no_link_says_only_read_more(client, pages):
    for url in pages:
        for link in parse(client.get(url)).xpath("//a"):
            assert visible_text(link).lower() not in {"read more", "more", "click here", "here"}


def test_a_site_without_saved_settings_is_read_with_the_defaults_and_nothing_written(
    client, site, newsroom
):
    SiteSettings.objects.filter(site=site).delete()
    invalidations = Invalidation.objects.count()
    page = parse(client.get(newsroom.story_url))
    assert visible_text(page.xpath("//p[@class='masthead__name']")[0]) == (
        site.site_name or DEFAULT_NAME
    )
    # A reader's request leaves no row, and so no invalidation of the whole site behind it.
    assert not SiteSettings.objects.filter(site=site).exists()
    assert Invalidation.objects.count() == invalidations
