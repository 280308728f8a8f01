"""Reading feeds and sitemaps the way their consumers do: feedparser, lxml, and by hand."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree
from wagtail.models import PageViewRestriction

from masthead.articles.models import ArticleByline, ArticlePage
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory, publish

# The team's shared real-world data, beside the repository (absent on other machines).
DATASETS = Path(settings.PACKAGE_DIR).parents[2] / "shared" / "datasets"
# A host the site accepts (ALLOWED_HOSTS) that is not the base URL's: nothing may come from it.
OTHER_HOST = "localhost"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SITEMAP_NS, "image": IMAGE_NS, "news": NEWS_NS}


def base_url() -> str:
    return settings.MASTHEAD_BASE_URL


def on_site(url: str) -> bool:
    """The URL is absolute and on MASTHEAD_BASE_URL's origin."""
    return url.startswith(base_url() + "/")


def site_path(url: str) -> str:
    assert on_site(url), url
    return urlsplit(url).path


def fetch(client, url, **headers):
    """GET as a reader's software would, from a host name other than the base URL's."""
    return client.get(url, HTTP_HOST=OTHER_HOST, **headers)


def parse_feed(response):
    assert response.status_code == 200, (response.status_code, response.content[:300])
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def feed(client, url):
    return parse_feed(fetch(client, url))


def xml(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(response.content, parser)


def sitemap_locations(client, url) -> list[str]:
    return xml(fetch(client, url)).xpath("//sm:url/sm:loc/text()", namespaces=NS)


def entry_links(parsed) -> list[str]:
    return [entry.link for entry in parsed.entries]


def as_datetime(struct_time) -> datetime:
    """feedparser's UTC struct_time as an aware datetime."""
    return datetime(*struct_time[:6], tzinfo=UTC)


def recent(minutes_ago: int) -> datetime:
    return timezone.now() - timedelta(minutes=minutes_ago)


def tagged_story(parent, title, author, publish_it=True, **kwargs):
    """A story with a tag and a byline, published through a revision as an editor does."""
    kwargs.setdefault("published_at", recent(60))
    page = ArticlePageFactory(parent=parent, title=title, **kwargs)
    page.tags.add("Shared tag")
    page.bylines.add(ArticleByline(person=author))
    page.save()
    return publish(page) if publish_it else page


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Hidden Desk", slug="hidden-desk")


@pytest.fixture
def hidden_stories(home, section):
    """One public story, and beside it every kind of story no reader may see, all of them
    published an hour ago, tagged and bylined alike: every channel (site, section, tag,
    author, sitemaps, news) would show them if it leaked."""
    author = PersonFactory(name="Shared Byline", slug="shared-byline")
    public = tagged_story(section, "Public story", author)
    draft = tagged_story(section, "Draft story", author, publish_it=False, live=False)
    draft.save_revision()
    tagged_story(section, "Unpublished story", author).unpublish()
    restricted = tagged_story(section, "Restricted story", author)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type="password", password="secret"
    )
    private_section = SectionPageFactory(parent=home, title="Private desk", slug="private-desk")
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    tagged_story(private_section, "Story in a private section", author)
    with_draft = tagged_story(section, "Live headline", author)
    with_draft.title = "Draft headline of a live story"
    with_draft.save_revision()
    return {
        "public": public,
        "hidden_titles": [
            "Draft story",
            "Unpublished story",
            "Restricted story",
            "Story in a private section",
            "Draft headline of a live story",
        ],
        "hidden_slugs": [
            page.slug
            for page in ArticlePage.objects.filter(
                title__in=[
                    "Draft story",
                    "Unpublished story",
                    "Restricted story",
                    "Story in a private section",
                ]
            )
        ],
        "author": author,
        "section": section,
        "private_section": private_section,
    }
