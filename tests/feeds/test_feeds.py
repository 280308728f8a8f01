"""RSS 2.0 and Atom feeds, read by feedparser, with every element a reader needs checked by hand
(feedparser is lenient: it accepts an entry without an id or a date)."""

import html
from datetime import datetime

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from lxml import html as lxml_html
from wagtail.images.models import Image

from masthead.articles.models import ArticleByline, ArticlePage
from masthead.articles.queries import newest_first, public_stories
from masthead.core.dates import newsroom_zone
from masthead.demo.images import draw
from tests.conftest import REFERENCE_URL
from tests.factories import (
    ArticlePageFactory,
    PersonFactory,
    SectionPageFactory,
    also_read,
    default_site,
    paragraph,
    person_named,
    publish,
    section_named,
)
from tests.feeds.conftest import as_datetime, entry_links, feed, fetch, on_site
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

REFERENCE_HEADLINE = "Pakistan Quietly Greenlights Security Pact with US"
RSS_FEEDS = [
    "/feed/",
    "/top-news/feed/",
    "/world/feed/",
    "/world/asia/feed/",
    "/tags/pakistan/feed/",
    "/authors/amara-okafor/feed/",
    "/authors/asian-lite-news/feed/",
]
ATOM_FEEDS = [f"{url}atom/" for url in RSS_FEEDS]


def reference_time() -> datetime:
    return datetime(2023, 8, 3, 12, 0, tzinfo=newsroom_zone())


def _newsroom():
    """The site named The Masthead Gazette; the reference story in Top News (credited to Asian
    Lite News, no byline) beside a story with a lead image; a Pakistan story in Business by
    Amara Okafor, whom World and World > Asia have a story each by too. Built once for the
    module (tests/worlds.py)."""
    site = default_site()
    site.site_name = "The Masthead Gazette"
    site.save()
    amara = person_named("amara-okafor", "Amara Okafor")
    inflation = ArticlePageFactory(
        parent=section_named("business"),
        title="Inflation jumps to 28% in Pakistan",
        slug="inflation-jumps-to-28-in-pakistan",
        bylines=[amara],
        tags=["Pakistan"],
        published=True,
    )
    top_news, world = section_named("top-news"), section_named("world")
    ArticlePageFactory(
        parent=top_news,
        title=REFERENCE_HEADLINE,
        slug="pakistan-quietly-greenlights-security-pact-with-us",
        published_at=reference_time(),
        standfirst="Pakistan and the US are yet to make official the pact, a source says",
        body=[
            paragraph("Tahir Khan, an expert of militancy and terrorism, said little."),
            also_read(inflation),
        ],
        credit_organisation=person_named("asian-lite-news", "Asian Lite News", True),
        tags=["Pakistan", "Security", "United States"],
        published=True,
    )
    ArticlePageFactory(
        parent=top_news,
        slug="54-killed-in-overnight-airstrikes-in-gaza",
        with_lead_image=True,
        published=True,
    )
    ArticlePageFactory(
        parent=world, slug="coastal-cities-plan-for-higher-seas", bylines=[amara], published=True
    )
    ArticlePageFactory(
        parent=section_named("asia", parent=world),
        slug="chinas-gift-to-pak-a-gambit-in-indian-ocean",
        bylines=[amara],
        published=True,
    )


newsroom = module_world(_newsroom)


def urls_in(fragment: str) -> list[str]:
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    urls = [value for attr in ("href", "src") for value in root.xpath(f"//@{attr}")]
    for srcset in root.xpath("//@srcset"):
        urls += [candidate.split()[0] for candidate in srcset.split(",")]
    return urls


def check_entry(entry, atom: bool) -> None:
    """Everything a reader's software needs from an entry, checked one by one."""
    assert entry.id.startswith("tag:127.0.0.1,"), entry.id  # a permanent id, not the URL
    assert entry.get("guidislink") is not True
    assert on_site(entry.link), entry.link
    assert entry.title.strip()
    assert entry.published_parsed is not None
    assert dict.get(entry, "updated_parsed") is not None  # atom:updated in RSS
    assert as_datetime(entry.updated_parsed) >= as_datetime(entry.published_parsed)
    assert entry.summary.strip()
    assert entry.summary_detail.type == "text/html"
    assert entry.content and entry.content[0].type == "text/html" and entry.content[0].value
    assert all(on_site(url) for url in urls_in(entry.content[0].value)), entry.link
    assert entry.authors and all(author.get("name") for author in entry.authors)
    if atom:
        assert all(on_site(author["href"]) for author in entry.authors)
    assert entry.tags and all(tag.term for tag in entry.tags)
    for enclosure in entry.get("enclosures", []):
        assert on_site(enclosure.href) and enclosure.type == "image/jpeg"
        assert int(enclosure.length) > 0


def check_feed(parsed, atom: bool) -> None:
    assert parsed.version == ("atom10" if atom else "rss20")
    assert parsed.feed.title.startswith("The Masthead Gazette")
    assert on_site(parsed.feed.link)
    assert any(link.rel == "self" and on_site(link.href) for link in parsed.feed.links)
    if atom:
        assert parsed.feed.id.startswith("tag:127.0.0.1,")
        assert parsed.feed.updated_parsed is not None
    else:
        assert parsed.feed.subtitle  # the channel's <description>
    assert 0 < len(parsed.entries) <= 20
    dates = [as_datetime(entry.published_parsed) for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    for entry in parsed.entries:
        check_entry(entry, atom)


@pytest.mark.parametrize("url", RSS_FEEDS)
def test_rss_feeds_carry_every_element(client, url):
    check_feed(feed(client, url), atom=False)


@pytest.mark.parametrize("url", ATOM_FEEDS)
def test_atom_feeds_carry_every_element(client, url):
    check_feed(feed(client, url), atom=True)


@pytest.mark.parametrize("url", ["/top-news/feed/", "/top-news/feed/atom/"])
def test_the_reference_story_is_in_the_top_news_feed(client, url):
    entries = {entry.link: entry for entry in feed(client, url).entries}
    entry = entries[settings.MASTHEAD_BASE_URL + REFERENCE_URL]
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    assert entry.title == REFERENCE_HEADLINE
    assert as_datetime(entry.published_parsed) == reference_time()
    assert html.unescape(entry.summary) == story.standfirst
    assert [author.name for author in entry.authors] == ["Asian Lite News"]
    assert {tag.term for tag in entry.tags} == {"Top News", "Pakistan", "Security", "United States"}
    body = entry.content[0].value
    assert "Tahir Khan" in body and "an expert of militancy and terrorism" in body
    also_read = settings.MASTHEAD_BASE_URL + "/business/inflation-jumps-to-28-in-pakistan/"
    assert f'href="{also_read}"' in body
    assert entry.id == f"tag:127.0.0.1,2025:story/{story.pk}"


def test_the_site_feed_is_the_twenty_newest_public_stories(client):
    """The reference story is in the site feed only if it is among the 20 newest (in the demo
    it is not: thirty stories of 2025 are newer; here it is)."""
    newest = list(newest_first(public_stories()).values_list("title", flat=True)[:20])
    parsed = feed(client, "/feed/")
    assert [entry.title for entry in parsed.entries] == newest
    in_feed = settings.MASTHEAD_BASE_URL + REFERENCE_URL in {e.link for e in parsed.entries}
    assert in_feed == (REFERENCE_HEADLINE in newest)


def test_a_section_feed_includes_its_subsections_stories(client):
    base = settings.MASTHEAD_BASE_URL
    world = set(entry_links(feed(client, "/world/feed/")))
    asia = set(entry_links(feed(client, "/world/asia/feed/")))
    assert f"{base}/world/asia/chinas-gift-to-pak-a-gambit-in-indian-ocean/" in world & asia
    assert f"{base}/world/coastal-cities-plan-for-higher-seas/" in world - asia


@pytest.mark.parametrize(
    "url",
    [
        f"{REFERENCE_URL}feed/",  # a story, not a section
        "/no-such-section/feed/",
        "/world/no-such-desk/feed/atom/",
        "/tags/no-such-tag/feed/",
        "/tags/no-such-tag/feed/atom/",
        "/authors/nobody-at-all/feed/",
        "/authors/nobody-at-all/feed/atom/",
    ],
)
def test_feeds_of_what_is_not_there_are_not_found(client, url):
    assert fetch(client, url).status_code == 404


def test_a_tag_only_drafts_carry_has_no_feed(client, home):
    section = SectionPageFactory(parent=home)
    draft = ArticlePageFactory(parent=section, live=False)
    draft.tags.add("Secret plans")
    draft.save()
    assert fetch(client, "/tags/secret-plans/feed/").status_code == 404


def test_urls_come_from_the_base_url_not_the_host_header(client):
    for url in ["/top-news/feed/", "/top-news/feed/atom/", "/feed/", "/feed/atom/"]:
        body = client.get(url, HTTP_HOST="localhost", secure=True).content.decode()
        assert "localhost" not in body and "https://" not in body
        assert f"{settings.MASTHEAD_BASE_URL}/top-news/" in body


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_the_guid_stays_when_an_editor_renames_the_slug(client, suffix):
    story = ArticlePage.objects.get(url_path__endswith=REFERENCE_URL)
    before = {e.title: e for e in feed(client, f"/top-news/feed/{suffix}").entries}
    story.slug = "pakistan-approves-security-pact"
    publish(story)
    after = {e.title: e for e in feed(client, f"/top-news/feed/{suffix}").entries}
    old, new = before[REFERENCE_HEADLINE], after[REFERENCE_HEADLINE]
    assert new.id == old.id
    assert new.link == f"{settings.MASTHEAD_BASE_URL}/top-news/pakistan-approves-security-pact/"
    assert new.link != old.link


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_the_lead_image_is_an_enclosure_and_a_media_element(client, suffix):
    story = ArticlePage.objects.get(slug="54-killed-in-overnight-airstrikes-in-gaza")
    entry = next(
        e for e in feed(client, f"/top-news/feed/{suffix}").entries if e.title == story.title
    )
    (enclosure,) = entry.enclosures
    (media,) = entry.media_content
    assert enclosure.href == media["url"] and on_site(enclosure.href)
    image = client.get(enclosure.href.removeprefix(settings.MASTHEAD_BASE_URL))
    assert image.status_code == 200
    served = b"".join(image.streaming_content)
    image.close()
    assert int(enclosure.length) == len(served) == int(media["filesize"])
    assert enclosure.type == media["type"] == "image/jpeg"
    assert int(media["width"]) <= 1200


def rich_story(home) -> ArticlePage:
    """A story whose body links a page through rich text, links the site relatively, and shows
    an image: every URL comes out of Wagtail relative, and must go into the feed absolute."""
    target = ArticlePage.objects.get(slug="inflation-jumps-to-28-in-pakistan")
    image = Image(title="Figure")
    image.file = ImageFile(_jpeg(), name="feed-figure.jpg")
    image.save()
    first = PersonFactory(name="First Writer")
    second = PersonFactory(name="Second Writer")
    story = ArticlePageFactory(
        parent=SectionPageFactory(parent=home, title="Rich", slug="rich"),
        title="Q&A: <Tariffs> & “you”",
        standfirst='Less < more & "quotes"',
        body=[
            ("paragraph", f'<p>See <a linktype="page" id="{target.pk}">the story</a>.</p>'),
            ("paragraph", '<p>Or <a href="/business/">the desk</a>, <a href="#x">here</a>.</p>'),
            ("image", {"image": image, "alt_text": "A figure", "caption": "", "credit": ""}),
        ],
    )
    for position, person in enumerate([first, second]):
        story.bylines.add(ArticleByline(person=person, sort_order=position))
    story.save()
    return publish(story)


def _jpeg():
    import io

    return io.BytesIO(draw("feed-figure"))


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_the_full_body_has_only_absolute_urls_and_every_author(client, home, suffix):
    story = rich_story(home)
    (entry,) = feed(client, f"/rich/feed/{suffix}").entries
    assert entry.title == story.title  # plain text, escaped once
    assert html.unescape(entry.summary) == story.standfirst
    body = entry.content[0].value
    base = settings.MASTHEAD_BASE_URL
    assert f'href="{base}/business/inflation-jumps-to-28-in-pakistan/"' in body
    assert f'href="{base}/business/"' in body
    assert 'href="#x"' in body  # a fragment stays a fragment
    images = [url for url in urls_in(body) if "/media/" in url]
    assert images and all(url.startswith(f"{base}/media/images/") for url in images)
    assert [author.name for author in entry.authors] == ["First Writer", "Second Writer"]


def test_a_story_without_bylines_or_credit_is_by_the_publication(client, home):
    section = SectionPageFactory(parent=home, title="Desk", slug="desk")
    publish(ArticlePageFactory(parent=section))
    (entry,) = feed(client, "/desk/feed/atom/").entries
    assert [author.name for author in entry.authors] == ["The Masthead Gazette"]


def test_a_story_leaves_a_tags_and_an_authors_feed_when_they_leave_the_story(client):
    """Those feeds read their newest stories off the archive's lists, which every publish
    keeps (articles/archive.py)."""
    story = ArticlePage.objects.get(slug="inflation-jumps-to-28-in-pakistan")
    tagged = {entry.title for entry in feed(client, "/tags/pakistan/feed/").entries}
    by_amara = {entry.title for entry in feed(client, "/authors/amara-okafor/feed/").entries}
    assert story.title in tagged and story.title in by_amara
    story.tags.remove("Pakistan")
    story.bylines.all().delete()
    story.save_revision().publish()
    assert {e.title for e in feed(client, "/tags/pakistan/feed/").entries} == tagged - {story.title}
    assert {e.title for e in feed(client, "/authors/amara-okafor/feed/").entries} == by_amara - {
        story.title
    }


def test_a_moved_story_leaves_its_old_sections_feed_for_its_new_ones(client):
    """The site's and a section's feeds read their newest stories off the archive's lists too
    (a section's list holds the stories below it), which a move keeps (articles/archive.py)."""
    story = ArticlePage.objects.get(slug="inflation-jumps-to-28-in-pakistan")
    business = {entry.title for entry in feed(client, "/business/feed/").entries}
    site = {entry.title for entry in feed(client, "/feed/").entries}
    assert story.title in business & site
    assert story.title not in {entry.title for entry in feed(client, "/world/asia/feed/").entries}
    story.move(section_named("asia", parent=section_named("world")), pos="last-child")
    assert {e.title for e in feed(client, "/business/feed/").entries} == business - {story.title}
    assert story.title in {entry.title for entry in feed(client, "/world/asia/feed/").entries}
    assert story.title in {entry.title for entry in feed(client, "/world/feed/").entries}
    assert {entry.title for entry in feed(client, "/feed/").entries} == site
