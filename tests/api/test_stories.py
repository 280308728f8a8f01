"""/api/stories/: the reference story as the page shows it, filters, order and pagination."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from lxml import html as lxml_html
from wagtail.images.models import Image

from masthead.articles.models import ArticleByline
from tests.api.conftest import get, get_json, headlines, on_site
from tests.conftest import REFERENCE_URL
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory
from tests.pages import parse, visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_newsroom")]

REFERENCE_HEADLINE = "Pakistan Quietly Greenlights Security Pact with US"
# 12:00 in the newsroom's zone (the test settings' zone is Asia/Kolkata).
REFERENCE_DATE = "2023-08-03T12:00:00+05:30"
BASE = timezone.now() - timedelta(days=30)


def all_stories(client, query="") -> list[dict]:
    """Every story the list gives, page after page through the `next` links."""
    url, items = f"/api/stories/?limit=100{query}", []
    while url:
        data = get_json(client, url)
        items += data["items"]
        url = data["next"] and data["next"].removeprefix(settings.MASTHEAD_BASE_URL)
    return items


def story(section, hours, **kwargs):
    return ArticlePageFactory(parent=section, published_at=BASE + timedelta(hours=hours), **kwargs)


@pytest.fixture
def sport(home):
    return SectionPageFactory(parent=home, title="Sport", slug="sport")


def test_the_reference_story_is_listed_as_its_page_shows_it(client):
    page = parse(client.get(REFERENCE_URL))
    shown_date = page.xpath("//article//time/@datetime")[0]
    [listed] = [s for s in all_stories(client) if s["headline"] == REFERENCE_HEADLINE]
    assert listed["url"] == settings.MASTHEAD_BASE_URL + REFERENCE_URL
    assert listed["published_at"] == shown_date == REFERENCE_DATE
    assert visible_text(page.xpath("//h1")[0]) == listed["headline"]
    for canonical in page.xpath("//link[@rel='canonical']/@href"):
        assert canonical == listed["url"]
    in_section = all_stories(client, "&section=top-news")
    assert REFERENCE_HEADLINE in [s["headline"] for s in in_section]
    assert {s["section"]["title"] for s in in_section} == {"Top News"}


def test_the_reference_story_in_full(client):
    [listed] = [s for s in all_stories(client) if s["headline"] == REFERENCE_HEADLINE]
    story = get_json(client, f"/api/stories/{listed['id']}/")
    assert story == listed
    assert story["credit"] == "reports Asian Lite News"
    assert story["credit_organisation"]["slug"] == "asian-lite-news"
    assert story["section"]["url"] == settings.MASTHEAD_BASE_URL + "/top-news/"
    assert story["reading_minutes"] == 2
    assert [tag["slug"] for tag in story["tags"]] == ["pakistan", "security", "united-states"]
    kinds = [block["type"] for block in story["body"]]
    assert kinds.count("quote") == 2 and kinds[-1] == "also_read"
    also_read = story["body"][-1]["value"]
    assert also_read["story"]["headline"] == "Inflation jumps to 28 in Pakistan"
    assert also_read["story"]["url"] == (
        settings.MASTHEAD_BASE_URL + "/business/inflation-jumps-to-28-in-pakistan/"
    )
    assert get_json(client, f"/api/stories/{also_read['story']['id']}/")["headline"] == (
        "Inflation jumps to 28 in Pakistan"
    )


def test_body_html_is_the_body_readers_see(client):
    [listed] = [s for s in all_stories(client) if s["headline"] == REFERENCE_HEADLINE]
    page_body = parse(client.get(REFERENCE_URL)).xpath("//div[contains(@class, 'story__body')]")
    api_body = lxml_html.fragment_fromstring(listed["body_html"], create_parent="div")
    assert visible_text(api_body) == visible_text(page_body[0])
    hrefs = api_body.xpath("//a/@href")
    assert hrefs and all(on_site(href) for href in hrefs)


def test_images_in_the_body_and_the_lead_image_have_absolute_urls(client, sport):
    image = Image.objects.first()
    body = [("image", {"image": image, "alt_text": "A chart", "caption": "The chart"})]
    page = story(sport, 1, lead_image=image, lead_image_alt="Lead alt", body=body)
    data = get_json(client, f"/api/stories/{page.pk}/")
    lead = data["lead_image"]
    assert on_site(lead["url"]) and lead["alt"] == "Lead alt" and lead["width"] > 0
    figure = data["body"][0]["value"]
    assert figure["alt"] == "A chart" and figure["caption"] == "The chart"
    assert on_site(figure["image"]["url"])
    fragment = lxml_html.fragment_fromstring(data["body_html"], create_parent="div")
    sources = fragment.xpath("//img/@src") + fragment.xpath("//source/@srcset")
    assert sources
    for source in sources:
        for candidate in source.split(","):
            assert on_site(candidate.strip()), candidate
    assert fragment.xpath("//img/@alt") == ["A chart"]


def test_newest_first_with_ties_broken_by_id(client, sport):
    tie = BASE + timedelta(hours=5)
    first = ArticlePageFactory(parent=sport, title="Tie A", published_at=tie)
    second = ArticlePageFactory(parent=sport, title="Tie B", published_at=tie)
    story(sport, 9, title="Newest")
    story(sport, 1, title="Oldest")
    assert first.pk < second.pk
    data = get_json(client, "/api/stories/?section=sport")
    assert headlines(data) == ["Newest", "Tie B", "Tie A", "Oldest"]


def test_pagination_with_limit_offset_and_links(client, sport):
    for hours in range(7):
        story(sport, hours, title=f"Story {hours}")
    first = get_json(client, "/api/stories/?section=sport&limit=3")
    assert (first["count"], first["limit"], first["offset"]) == (7, 3, 0)
    assert headlines(first) == ["Story 6", "Story 5", "Story 4"]
    assert first["previous"] is None
    assert first["next"] == (
        settings.MASTHEAD_BASE_URL + "/api/stories/?section=sport&limit=3&offset=3"
    )
    second = get_json(client, first["next"].removeprefix(settings.MASTHEAD_BASE_URL))
    assert headlines(second) == ["Story 3", "Story 2", "Story 1"]
    last = get_json(client, "/api/stories/?section=sport&limit=3&offset=6")
    assert headlines(last) == ["Story 0"] and last["next"] is None
    assert last["previous"].endswith("/api/stories/?section=sport&limit=3&offset=3")
    beyond = get_json(client, "/api/stories/?section=sport&offset=50")
    assert beyond["items"] == [] and beyond["count"] == 7
    assert len(get_json(client, "/api/stories/")["items"]) == 20  # the default page size


def test_section_filter_includes_subsections_by_id_path_or_slug(client, home, sport):
    cricket = SectionPageFactory(parent=sport, title="Cricket", slug="cricket")
    story(sport, 1, title="Sport story")
    story(cricket, 2, title="Cricket story")
    both = ["Cricket story", "Sport story"]
    assert headlines(get_json(client, "/api/stories/?section=sport")) == both
    assert headlines(get_json(client, f"/api/stories/?section={sport.pk}")) == both
    for value in ("sport/cricket", "/sport/cricket/", "cricket", str(cricket.pk)):
        data = get_json(client, f"/api/stories/?section={value}")
        assert headlines(data) == ["Cricket story"], value
    assert get_json(client, "/api/stories/?section=world/cricket")["items"] == []
    assert get_json(client, "/api/stories/?section=no-such-desk")["count"] == 0
    asia = headlines(get_json(client, "/api/stories/?section=world"))
    assert "China’s gift to Pak a gambit in Indian Ocean" in asia


def test_tag_and_author_filters(client, sport):
    reporter = PersonFactory(name="Desk Reporter", slug="desk-reporter")
    agency = PersonFactory(name="Agency", slug="agency", kind="organisation")
    tagged = story(sport, 1, title="Tagged")
    tagged.tags.add("Derby")
    tagged.save()
    bylined = story(sport, 2, title="Bylined")
    ArticleByline.objects.create(page=bylined, person=reporter)
    story(sport, 3, title="Credited", credit_organisation=agency)
    assert headlines(get_json(client, "/api/stories/?tag=derby")) == ["Tagged"]
    assert headlines(get_json(client, "/api/stories/?author=desk-reporter")) == ["Bylined"]
    assert headlines(get_json(client, "/api/stories/?author=agency")) == ["Credited"]
    combined = get_json(client, "/api/stories/?author=desk-reporter&section=sport&tag=derby")
    assert combined["items"] == []
    demo = get_json(client, "/api/stories/?tag=pakistan&author=asian-lite-news")
    assert REFERENCE_HEADLINE in headlines(demo)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("published_after=2023-08-03T11:59:59%2B05:30", True),
        ("published_after=2023-08-03T12:00:00%2B05:30", False),  # strictly after
        ("published_after=2023-08-03T06:29:59Z", True),  # the same instant in UTC, minus 1 s
        ("published_before=2023-08-03T12:00:01%2B05:30", True),
        ("published_before=2023-08-03T06:30:00Z", False),  # strictly before
        (
            "published_after=2023-08-03T11:00:00%2B05:30&published_before=2023-08-03T13:00:00"
            "%2B05:30",
            True,
        ),
    ],
)
def test_date_filters_take_instants_with_offsets(client, query, expected):
    listed = REFERENCE_HEADLINE in [s["headline"] for s in all_stories(client, f"&{query}")]
    assert listed is expected, query


def test_dates_in_the_far_past_or_future_are_valid_and_do_not_break(client):
    everything = get_json(client, "/api/stories/?published_after=0001-01-01T00:00:00%2B05:00")
    assert everything["count"] == get_json(client, "/api/stories/")["count"] > 0
    nothing = get_json(client, "/api/stories/?published_after=9999-12-31T23:59:59-05:00")
    assert nothing["count"] == 0


def test_story_urls_ignore_the_host_header(client):
    response = get(client, "/api/stories/?limit=3", HTTP_X_FORWARDED_HOST="evil.example")
    assert b"localhost" not in response.content and b"evil.example" not in response.content
    for item in response.json()["items"]:
        assert on_site(item["url"]) and on_site(item["section"]["url"])
        assert all(on_site(byline["url"]) for byline in item["bylines"])
