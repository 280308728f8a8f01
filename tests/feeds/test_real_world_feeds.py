"""Our feeds next to real-world ones (../shared/datasets/feeds): whatever every entry of a
well-formed real RSS 2.0 or Atom feed carries, every entry of ours carries too, as feedparser
(the library much feed software is built on or behaves like) reads it."""

import feedparser
import pytest

from tests.factories import ArticlePageFactory, PersonFactory, section_named
from tests.feeds.conftest import DATASETS, feed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def top_news(db):
    """Top News with bylined, tagged stories, one with a lead image."""
    section = section_named("top-news")
    reporter = PersonFactory()
    for image in (True, False):
        ArticlePageFactory(
            parent=section,
            bylines=[reporter],
            tags=["Security"],
            with_lead_image=image,
            published=True,
        )
    return section


FEEDS_DIR = DATASETS / "feeds"
# What a reader's software looks for in an entry, as feedparser names it.
ELEMENTS = {
    "id": "id",
    "link": "link",
    "title": "title",
    "published": "published_parsed",
    "updated": "updated_parsed",
    "summary": "summary",
    "content": "content",
    "author": "authors",
    "categories": "tags",
}
OURS = ["/top-news/feed/", "/top-news/feed/atom/"]


def carried(entry, key) -> bool:
    # dict's own lookup: feedparser's would answer "updated" with the published date.
    return bool(dict.get(entry, key))


def carried_by_every_entry(parsed) -> set[str]:
    return {name for name, key in ELEMENTS.items() if all(carried(e, key) for e in parsed.entries)}


def real_feeds() -> dict[str, feedparser.FeedParserDict]:
    """The well-formed RSS 2.0 and Atom feeds among the real ones (the others are the
    broken, RDF or JSON samples of the collection)."""
    if not FEEDS_DIR.is_dir():
        pytest.skip(f"{FEEDS_DIR} is absent: the shared datasets are not on this machine")
    parsed = {path.name: feedparser.parse(path.read_bytes()) for path in FEEDS_DIR.iterdir()}
    return {
        name: feed
        for name, feed in sorted(parsed.items())
        if not feed.bozo and feed.version in {"rss20", "atom10"} and feed.entries
    }


def test_the_real_world_collection_has_well_formed_news_feeds():
    feeds = real_feeds()
    assert {"rss-parser__guardian.rss", "rss-parser__heise.atom"} <= set(feeds)
    assert len(feeds) >= 8


@pytest.mark.parametrize(
    ("url", "version"), [("/top-news/feed/", "rss20"), ("/top-news/feed/atom/", "atom10")]
)
def test_our_entries_carry_every_element_real_feeds_carry(client, url, version):
    """Compared with the real feeds of the same format, and with all of them."""
    ours = carried_by_every_entry(feed(client, url))
    real = real_feeds()
    same_format = set().union(
        *(carried_by_every_entry(r) for r in real.values() if r.version == version)
    )
    everywhere = set().union(*(carried_by_every_entry(r) for r in real.values()))
    assert same_format <= ours, sorted(same_format - ours)
    assert everywhere <= ours, sorted(everywhere - ours)
    assert ours == set(ELEMENTS)


def test_our_images_are_where_real_news_feeds_put_theirs(client):
    """The Guardian gives each entry a media:content image; readers also take RSS enclosures."""
    guardian = real_feeds()["rss-parser__guardian.rss"]
    assert all(entry.get("media_content") for entry in guardian.entries)
    for url in OURS:
        with_images = [e for e in feed(client, url).entries if e.get("enclosures")]
        assert with_images
        for entry in with_images:
            assert entry.media_content[0]["url"] == entry.enclosures[0]["href"]


def test_our_atom_feed_has_the_feed_level_elements_real_atom_feeds_have(client):
    real_atom = [real for real in real_feeds().values() if real.version == "atom10"]
    assert real_atom and all(real.feed.get("id") and real.feed.get("updated") for real in real_atom)
    ours = feed(client, "/top-news/feed/atom/").feed
    assert ours.id and ours.updated_parsed and ours.title and ours.link
