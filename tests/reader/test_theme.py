"""What the reader theme shows around the stories: excerpts cut on a word, thumbnails where a
story has an image, dates in the newsroom's format (the time for today's stories, gone at the
newsroom's midnight), the phone header's drawers, one search form, the author box and share
links."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from masthead.core.models import SiteSettings
from tests.factories import (
    ArticlePageFactory,
    ImageFactory,
    PersonFactory,
    paragraph,
    section_named,
)
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db

LONG_STANDFIRST = (
    "Engineers closed the first storm gates built to the cities' shared designs against a high "
    "tide, and the water held back while the crews, the mayors and several hundred residents "
    "watched from the sea wall"
)


def teaser_texts(response, xpath="//ol[contains(@class, 'teasers')]//p[@class='teaser__excerpt']"):
    return [visible_text(p) for p in parse(response).xpath(xpath)]


def test_listing_excerpts_are_the_standfirst_cut_on_a_word_with_the_cut_marked(client):
    section = section_named("world")
    ArticlePageFactory(parent=section, standfirst=LONG_STANDFIRST, published=True)
    ArticlePageFactory(parent=section, standfirst="Short and whole.", published=True)
    excerpts = teaser_texts(client.get("/world/"))
    assert excerpts[0] == "Short and whole."
    words = LONG_STANDFIRST.split()[:32]
    assert excerpts[1] == " ".join(words) + "…"
    assert "Engineers closed" in excerpts[1] and "The first paragraph" not in excerpts[1]


def test_search_excerpts_join_standfirst_and_body_as_sentences(client):
    ArticlePageFactory(
        parent=section_named("world"),
        standfirst="Almost two dozen children were hurt",
        body=[paragraph("Multiple airstrikes hit the harbour overnight.")],
        published=True,
    )
    (excerpt,) = teaser_texts(client.get("/search/?q=airstrikes"), "//p[@class='teaser__excerpt']")
    assert "children were hurt. Multiple airstrikes" in excerpt


def test_thumbnails_where_a_story_has_an_image_and_no_gap_where_it_has_none(client, home):
    section = section_named("business")
    with_image = ArticlePageFactory(parent=section, with_lead_image=True, published=True)
    without = ArticlePageFactory(parent=section, published=True)
    for url in ("/business/", "/"):
        page = parse(client.get(url))
        for story, has_image in ((with_image, True), (without, False)):
            (teaser,) = page.xpath(
                f"//*[contains(@class, 'section-block') or contains(@class, 'teasers')]"
                f"//li[.//a[@href='{story.url}']]"
            )[:1]
            assert bool(teaser.xpath(".//img")) is has_image, (url, story.title)
            assert ("teaser--with-image" in teaser.get("class")) is has_image
            if has_image:
                (img,) = teaser.xpath(".//img")
                srcset = teaser.xpath(".//source/@srcset")[0]
                assert img.get("sizes") and len(srcset.split(",")) == 2


def test_a_lead_story_without_an_image_closes_up(client, home):
    ArticlePageFactory(parent=section_named("top-news"), published=True)
    page = parse(client.get("/"))
    (top,) = page.xpath("//section[contains(@class, 'front-top')]")
    assert "front-top--no-image" in top.get("class")
    assert not top.xpath(".//article//img")


def test_dates_follow_the_newsrooms_format(client, site):
    story = ArticlePageFactory(
        parent=section_named("world"),
        published_at=datetime(2023, 8, 3, 6, 30, tzinfo=UTC),
        published=True,
    )
    settings = SiteSettings.for_site(site)
    settings.date_format = "j F Y"
    settings.save()
    story_date = parse(client.get(story.url)).xpath("//article//time")[0]
    assert visible_text(story_date) == "3 August 2023"  # 12:00 in Kolkata, the tests' zone
    listing_date = parse(client.get("/world/")).xpath("//p[@class='teaser__meta']/time")[0]
    assert visible_text(listing_date) == "3 August 2023"


def test_todays_stories_show_their_time_until_the_newsrooms_midnight(client):
    # 23:58 in Kolkata (UTC+5:30) is 18:28 UTC; the story came out at 22:05 there.
    ArticlePageFactory(
        parent=section_named("world"),
        published_at=datetime(2026, 12, 6, 16, 35, tzinfo=UTC),
        published=True,
    )
    client.get("/")  # (imports everything a request needs before the clock is frozen)
    with freeze_time("2026-12-06 18:28:00"):
        first = client.get("/world/")
        listing_time = parse(first).xpath("//p[@class='teaser__meta']/time")[0]
        assert visible_text(listing_time) == "Today at 22:05"
        # Shared caches (the page cache, Varnish) keep it until midnight, two minutes away, and
        # no longer (they would keep it five).
        assert "s-maxage=120," in first["Cache-Control"]
    with freeze_time("2026-12-06 18:40:00"):  # 00:10 the next day in Kolkata
        later = parse(client.get("/world/")).xpath("//p[@class='teaser__meta']/time")[0]
        assert visible_text(later) == "December 6, 2026"


def test_a_story_page_of_today_shows_the_date_with_the_time(client):
    # 22:05 in Kolkata on December 6; the reader comes at 23:58 the same day, then the next day.
    story = ArticlePageFactory(
        parent=section_named("world"),
        published_at=datetime(2026, 12, 6, 16, 35, tzinfo=UTC),
        published=True,
    )
    client.get("/")
    for now in ("2026-12-06 18:28:00", "2026-12-06 18:40:00"):
        with freeze_time(now):
            (story_time, *_) = parse(client.get(story.url)).xpath("//article//time")
        expected = "December 6, 2026 at 22:05 IST" if now.endswith("28:00") else "December 6, 2026"
        assert visible_text(story_time) == expected


def test_the_phone_header_opens_search_and_menu_without_javascript(client, home):
    section_named("world")
    page = parse(client.get("/"))
    drawers = page.xpath("//header//details[contains(@class, 'masthead__drawer')]")
    assert [visible_text(d.xpath("./summary")[0]) for d in drawers] == ["Search", "Menu"]
    assert drawers[0].xpath(".//form[@role='search']//input[@name='q']")
    assert drawers[1].xpath(".//nav[@class='masthead__nav']//a[@href='/world/']")
    assert not page.xpath("//script[not(@type='application/ld+json')]")


def test_the_search_page_has_one_search_form(client):
    page = parse(client.get("/search/?q=harbour"))
    forms = page.xpath("//form[@role='search']")
    assert len(forms) == 1
    assert forms[0].xpath(".//input[@name='q']/@value") == ["harbour"]


def test_a_story_has_an_author_box_and_plain_share_links(client):
    photo = ImageFactory()
    amara = PersonFactory(
        name="Amara Okafor",
        slug="amara-okafor",
        job_title="Political editor",
        bio="Amara covers parliament and the courts. " * 8,
        photo=photo,
    )
    story = ArticlePageFactory(parent=section_named("world"), bylines=[amara], published=True)
    page = parse(client.get(story.url))
    (box,) = page.xpath("//section[contains(@class, 'author-box')]")
    assert box.xpath(".//a/@href")[0] == "/authors/amara-okafor/"
    assert "Political editor" in visible_text(box)
    bio = visible_text(box.xpath(".//p[@class='author-box__bio']")[0])
    assert len(bio.split()) == 40 and bio.endswith("…")
    assert box.xpath(".//img")
    share = {visible_text(a): a.get("href") for a in page.xpath("//div[@class='share']//a")}
    story_url = f"http://testserver{story.url}"
    assert share["Link to this story: " + story_url] == story_url
    assert "mailto:" in share["Email"]
    assert all(
        story_url.replace(":", "%3A").replace("/", "%2F") in href
        or href == story_url
        or "testserver" in href
        for href in share.values()
    )
    assert not page.xpath("//script[not(@type='application/ld+json')]")


def test_a_story_without_bylines_has_no_author_box(client):
    story = ArticlePageFactory(parent=section_named("world"), published=True)
    assert not parse(client.get(story.url)).xpath("//*[contains(@class, 'author-box')]")


def test_fonts_are_served_from_the_site_itself(client, home):
    page = parse(client.get("/"))
    preloads = page.xpath("//link[@rel='preload'][@as='font']/@href")
    assert len(preloads) == 2
    assert all(href.startswith("/static/") and href.endswith(".woff2") for href in preloads)
    assets = page.xpath("//link[@rel='stylesheet' or @rel='preload' or @rel='icon']/@href")
    assert assets and all(href.startswith("/static/") for href in assets)
    css = client.get(page.xpath("//link[@rel='stylesheet']/@href")[0])
    css_text = b"".join(css.streaming_content if css.streaming else [css.content]).decode()
    assert css_text.count("font-display: swap") == 2 and "https:" not in css_text


def test_a_site_without_settings_still_shows_dates(client):
    SiteSettings.objects.all().delete()
    story = ArticlePageFactory(
        parent=section_named("world"),
        published_at=datetime(2023, 8, 3, 6, 30, tzinfo=UTC),
        published=True,
    )
    (story_date, *_) = parse(client.get(story.url)).xpath("//article//time")
    assert visible_text(story_date) == "August 3, 2023"


def test_the_admin_refuses_a_date_format_without_a_day_showing_what_it_would_print(site):
    settings = SiteSettings.for_site(site)
    settings.date_format = "F Y"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    (message,) = error.value.message_dict["date_format"]
    assert "“F Y” would print August 3, 2023 as “August 2023”: it shows no day" in message


def test_the_admin_refuses_a_strftime_date_format_suggesting_djangos(site):
    settings = SiteSettings.for_site(site)
    settings.date_format = "%d/%m/%Y"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    (message,) = error.value.message_dict["date_format"]
    assert "would print August 3, 2023 as “%03/%08/%2023”" in message
    assert "“d/m/Y”" in message
