"""The front page: pinned lead and top stories, section blocks, latest news, Don't Miss."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from masthead.sections.models import SectionPage
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory, section_named
from tests.pages import parse, visible_text
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

LIVE = "The newest story, published an hour ago"
REFERENCE = "Pakistan Quietly Greenlights Security Pact with US"

# (section, headline, hours ago, with a lead image), the sections in menu order; no pins.
STORIES = [
    ("business", LIVE, 1, True),
    ("top-news", "54 killed in overnight airstrikes in Gaza", 2, True),
    ("top-news", "No Military Fix for Ukraine War, Says Rubio", 3, True),
    ("top-news", "BNP seeks non-interference with India", 4, True),
    ("business", "Taiwan tests new missile system", 5, True),
    ("business", "Regional airline orders twenty new jets", 6, False),
    ("world", "Coastal cities draw up plans for higher seas", 7, False),
    ("asia", "China’s gift to Pak a gambit in Indian Ocean", 8, False),
    ("opinion", "An opinion from last month", 24 * 30, False),
    ("top-news", REFERENCE, 24 * 365, False),
]


def front(client):
    page = parse(client.get("/"))
    lead = [visible_text(h) for h in page.xpath("//article[@class='lead-story']//h3")]
    top = [visible_text(h) for h in page.xpath("//ol[@class='top-stories']//h3")]
    latest = [visible_text(h) for h in page.xpath("//section[@class='front-latest']//h3")]
    return lead, top, latest, page


def _newsroom():
    """Top News, World (with Asia), Business and Opinion, and the STORIES in them: the newest
    five with lead images, one bylined and tagged."""
    sections = {slug: section_named(slug) for slug in ("top-news", "world", "business", "opinion")}
    sections["asia"] = section_named("asia", parent=sections["world"])
    for slug, title, hours, image in STORIES:
        ArticlePageFactory(
            parent=sections[slug],
            title=title,
            published_at=timezone.now() - timedelta(hours=hours),
            with_lead_image=image,
            published=True,
        )
    ArticlePageFactory(
        parent=sections["opinion"],
        published_at=timezone.now() - timedelta(days=400),
        bylines=[PersonFactory()],
        tags=["Pakistan"],
        published=True,
    )


newsroom = module_world(_newsroom)


@pytest.fixture
def curation(site):
    """The site's curation, without pins."""
    curation = Curation.for_site(site)
    curation.front_page_pins.all().delete()
    return curation


def test_without_pins_the_newest_stories_lead(client, curation):
    lead, top, latest, _ = front(client)
    assert lead == [LIVE]
    assert top == [
        "54 killed in overnight airstrikes in Gaza",
        "No Military Fix for Ukraine War, Says Rubio",
        "BNP seeks non-interference with India",
        "Taiwan tests new missile system",
    ]
    assert latest[:2] == [
        "Regional airline orders twenty new jets",
        "Coastal cities draw up plans for higher seas",
    ]
    assert not set(latest) & set(lead + top)


def test_pinned_lead_and_top_stories_come_first_and_the_newest_fill_the_rest(client, curation):
    older = SectionPage.objects.get(slug="opinion").get_children().live().first().specific
    reference = SectionPage.objects.get(slug="top-news").get_children().get(title=REFERENCE)
    FrontPagePin.objects.create(curation=curation, story=older, slot="lead", sort_order=0)
    FrontPagePin.objects.create(
        curation=curation, story=reference.specific, slot="top", sort_order=1
    )
    lead, top, latest, _ = front(client)
    assert lead == [older.title]
    assert top == [
        REFERENCE,
        LIVE,
        "54 killed in overnight airstrikes in Gaza",
        "No Military Fix for Ukraine War, Says Rubio",
    ]
    assert older.title not in latest


def test_an_expired_pin_gives_its_place_back(client, curation):
    older = SectionPage.objects.get(slug="opinion").get_children().live().first().specific
    FrontPagePin.objects.create(
        curation=curation,
        story=older,
        slot="lead",
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    lead, _, _, _ = front(client)
    assert lead == [LIVE]


def test_an_unpublished_pinned_story_is_not_shown(client, curation):
    section = SectionPage.objects.get(slug="business")
    story = ArticlePageFactory(parent=section, title="Pinned then pulled")
    FrontPagePin.objects.create(curation=curation, story=story, slot="lead")
    assert front(client)[0] == ["Pinned then pulled"]
    story.unpublish()
    lead, top, latest, page = front(client)
    assert "Pinned then pulled" not in visible_text(page)


def test_every_section_has_a_block_with_its_newest_stories(client):
    _, _, _, page = front(client)
    blocks = {
        visible_text(block.xpath(".//h2")[0]): [visible_text(h) for h in block.xpath(".//h3")]
        for block in page.xpath("//section[@class='section-block']")
    }
    assert list(blocks) == ["Top News", "World", "Business", "Opinion"]
    assert blocks["Top News"] == [
        "54 killed in overnight airstrikes in Gaza",
        "No Military Fix for Ukraine War, Says Rubio",
        "BNP seeks non-interference with India",
    ]
    # World includes its subsection Asia's stories.
    assert "China’s gift to Pak a gambit in Indian Ocean" in blocks["World"]


def test_a_section_left_out_of_menus_has_no_block(client, home):
    hidden = SectionPageFactory(parent=home, title="Archive desk", slug="archive-desk")
    hidden.show_in_menus = False
    hidden.save()
    ArticlePageFactory(parent=hidden, title="Filed quietly")
    text = visible_text(parse(client.get("/")))
    assert "Archive desk" not in text


def test_the_front_page_leads_to_every_section_tag_and_author(client):
    page = parse(client.get("/"))
    hrefs = set(page.xpath("//a/@href"))
    for section in ("/top-news/", "/world/", "/business/", "/opinion/"):
        assert section in hrefs
    # Stories and nested sections; not the feeds the footer links (/feed/atom/).
    story_hrefs = {h for h in hrefs if h.count("/") >= 3 and not h.startswith("/feed/")}
    reachable = set()
    for href in story_hrefs:
        reachable |= set(parse(client.get(href)).xpath("//a/@href"))
    assert any(h.startswith("/tags/") for h in reachable)
    assert any(h.startswith("/authors/") for h in reachable)


def test_images_are_responsive_sized_and_lazy_below_the_fold(client):
    page = parse(client.get("/"))
    lead_img = page.xpath("//article[@class='lead-story']//img")[0]
    assert lead_img.get("fetchpriority") == "high" and lead_img.get("loading") is None
    for img in page.xpath("//main//img"):
        assert img.get("width") and img.get("height") and img.get("alt") is not None
        assert img.get("srcset")
    assert page.xpath("//main//source[@type='image/webp']")
    below_fold = page.xpath("//ol[@class='top-stories']//img")
    assert below_fold and all(img.get("loading") == "lazy" for img in below_fold)


def test_a_story_is_shown_once_in_the_top_stories_latest_news_and_dont_miss(client, curation):
    """A pick among the newest stories keeps its place in Don't Miss and "Latest news" takes the
    next story instead; a pick already in the top stories is not repeated in Don't Miss."""
    opinion = SectionPage.objects.get(slug="opinion")
    for n in range(6):  # 17 stories: more than the lead, the top stories and latest news show
        ArticlePageFactory(
            parent=opinion,
            title=f"Archive story {n}",
            published_at=timezone.now() - timedelta(days=500 + n),
            published=True,
        )
    curation.dont_miss_picks.all().delete()
    picks = [
        "Coastal cities draw up plans for higher seas",
        "Regional airline orders twenty new jets",
        "54 killed in overnight airstrikes in Gaza",  # a top story
    ]
    for order, title in enumerate(picks):
        story = ArticlePageFactory._meta.model.objects.get(title=title)
        DontMissPick.objects.create(curation=curation, story=story, sort_order=order)

    lead, top, latest, page = front(client)
    dont_miss = [visible_text(h) for h in page.xpath("//aside[@class='dont-miss']//h3")]
    assert dont_miss == picks[:2]
    assert len(latest) == 10
    assert latest[:3] == [
        "China’s gift to Pak a gambit in Indian Ocean",
        "An opinion from last month",
        REFERENCE,
    ]
    assert latest[-1] == "Archive story 5"
    shown = [*lead, *top, *latest, *dont_miss]
    assert len(shown) == len(set(shown)), shown


def test_a_site_rooted_below_another_shows_its_own_newest_stories(client, home, settings):
    """The archive's lists follow the sections under each site root at the top of the tree; a
    site whose front page sits deeper reads its blocks and latest news from its stories."""
    from tests.factories import HomePageFactory, SiteFactory

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "inner.example.org"]
    inner = HomePageFactory(parent=home, title="Inner front page", slug="inner")
    site = SiteFactory(root_page=inner, hostname="inner.example.org")
    desk = SectionPageFactory(parent=inner, title="Inner desk", slug="inner-desk")
    for hours in (1, 2, 3, 4):
        ArticlePageFactory(
            parent=desk,
            title=f"Inner story {hours}",
            published_at=timezone.now() - timedelta(hours=hours),
            published=True,
        )
    page = parse(client.get("/", HTTP_HOST=site.hostname))
    blocks = {
        visible_text(block.xpath(".//h2")[0]): [visible_text(h) for h in block.xpath(".//h3")]
        for block in page.xpath("//section[@class='section-block']")
    }
    assert blocks == {"Inner desk": ["Inner story 1", "Inner story 2", "Inner story 3"]}
    assert "Inner story 1" in visible_text(page)
