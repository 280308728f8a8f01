"""The demo's reference story, rendered, against ../shared/seed/reference-article-page.txt."""

from pathlib import Path

import pytest
from django.conf import settings

import masthead
from tests.conftest import REFERENCE_URL
from tests.pages import links, main_text, parse, visible_text

# Where Masthead's page says the same thing a little differently from the captured page.
REWORDED = {"Latest from -Top News": "Latest from Top News", "Go toTop": "Go to top"}


def reference_lines() -> list[str]:
    path = Path(settings.MASTHEAD_SEED_DIR) / "reference-article-page.txt"
    lines = [" ".join(line.split()) for line in path.read_text("utf-8").splitlines()]
    return [REWORDED.get(line, line) for line in lines if line]


@pytest.fixture
def response(client, db, demo_newsroom):
    return client.get(REFERENCE_URL)


def test_every_line_of_the_reference_page_appears_in_order(response):
    text = main_text(response)
    position = 0
    for line in reference_lines():
        found = text.find(line, position)
        assert found >= 0, f"not found after position {position}: {line!r}"
        position = found + len(line)


def test_headline_is_the_only_h1_and_the_title(response):
    page = parse(response)
    assert [visible_text(h) for h in page.xpath("//h1")] == [
        "Pakistan Quietly Greenlights Security Pact with US"
    ]
    assert page.findtext(".//title").startswith("Pakistan Quietly Greenlights Security Pact")


def test_date_and_reading_time(response):
    page = parse(response)
    time = page.xpath("//article//time")[0]
    assert visible_text(time) == "August 3, 2023"
    # 12:00 in the newsroom's zone (the test settings' zone is Asia/Kolkata).
    assert time.get("datetime") == "2023-08-03T12:00:00+05:30"
    assert "2 mins read" in visible_text(page.xpath("//article//header")[0])


def test_standfirst_is_followed_by_the_source_credit(response):
    standfirst = parse(response).xpath("//p[contains(@class, 'story__standfirst')]")[0]
    assert visible_text(standfirst) == (
        "Pakistan and the US are yet to make official statements on the development…."
        "reports Asian Lite News"
    )


def test_body_has_thirteen_paragraphs_and_two_attributed_quotes(response):
    body = parse(response).xpath("//div[contains(@class, 'story__body')]")[0]
    assert len(body.xpath("./p[not(contains(@class, 'also-read'))]")) == 13
    speakers = [visible_text(s) for s in body.xpath(".//*[contains(@class, 'quote__speaker')]")]
    assert speakers == ["a senior former military officer", "Tahir Khan"]
    assert len(body.xpath(".//blockquote")) == 2


def test_also_read_links_to_the_published_story(client, response):
    also_read = parse(response).xpath("//p[contains(@class, 'also-read')]")[0]
    assert visible_text(also_read) == "ALSO READ: Inflation jumps to 28 in Pakistan"
    href = also_read.xpath(".//a/@href")[0]
    assert href == "/business/inflation-jumps-to-28-in-pakistan/"
    assert "Inflation jumps to 28 in Pakistan" in main_text(client.get(href))


def test_previous_and_next_story(response):
    page = parse(response)
    assert links(page, "//a[@rel='prev']") == [
        (
            "Previous Story Udenz gets landmark success with $5mln series A funding",
            "/top-news/udenz-gets-landmark-success-with-5mln-series-a-funding/",
        )
    ]
    assert links(page, "//a[@rel='next']") == [
        (
            "Next Story Putin hints at Russia’s conditional return to Black Sea Grain deal",
            "/top-news/putin-hints-at-russias-conditional-return-to-black-sea-grain-deal/",
        )
    ]


def test_latest_from_section_lists_the_four_newest_with_32_word_excerpts(response):
    latest = parse(response).xpath("//section[contains(@class, 'latest')]")[0]
    assert visible_text(latest.xpath(".//h2")[0]) == "Latest from Top News"
    headlines = [visible_text(h) for h in latest.xpath(".//h3")]
    assert headlines == [
        "54 killed in overnight airstrikes in Gaza",
        "No Military Fix for Ukraine War, Says Rubio",
        "BNP seeks non-interference with India",
        "Taiwan tests new missile system",
    ]
    excerpts = [visible_text(p) for p in latest.xpath(".//p")]
    assert [len(e.split()) for e in excerpts] == [32, 32, 32, 32]
    assert excerpts[1].startswith("Rubio stated that the US hopes that progress will soon be made")
    assert "process…reports Asian Lite News U.S. Secretary of State" in excerpts[1]


def test_go_to_top_returns_to_the_top_of_the_page(response):
    page = parse(response)
    (link,) = page.xpath("//a[normalize-space()='Go to top']")
    assert link.get("href") == "#top"
    assert page.xpath("//*[@id='top']")


def test_dont_miss_shows_the_picks_in_order_with_10_word_excerpts(response):
    aside = parse(response).xpath("//aside[contains(@class, 'dont-miss')]")[0]
    assert visible_text(aside.xpath(".//h2")[0]) == "Don't Miss"
    assert [visible_text(h) for h in aside.xpath(".//h3")] == [
        "KOSOVO FLAREUP: Kurti’s Rift With The US Is Alarming",
        "China’s gift to Pak a gambit in Indian Ocean",
    ]
    assert [visible_text(p) for p in aside.xpath(".//p")] == [
        "It is time for Kosovo’s Prime Minister Kurti to wake…",
        "The frigate is the largest and most advanced warship China…",
    ]


def test_excerpts_mark_where_the_body_starts_and_where_they_were_cut(response):
    """The words stay the reference's; the join is marked by the stylesheet (a dash before the
    body), the cut by "…", which is not a word."""
    latest = parse(response).xpath("//section[contains(@class, 'latest')]")[0]
    rubio = latest.xpath(".//p")[1]
    (lead,) = rubio.xpath("./span[@class='excerpt__lead']")
    (body,) = rubio.xpath("./span[@class='excerpt__body']")
    assert visible_text(lead).endswith("process…reports Asian Lite News")
    assert visible_text(body).startswith("U.S. Secretary of State Marco Rubio")
    assert visible_text(rubio).endswith("the Russia-Ukraine conflict…")
    css = (Path(masthead.__file__).parent / "static/masthead/css/site.css").read_text("utf-8")
    assert '.excerpt__lead + .excerpt__body::before { content: "— "; }' in css


def test_every_link_in_the_page_reaches_a_published_page(client, response):
    hrefs = {a.get("href") for a in parse(response).xpath("//a[@href]")}
    internal = sorted(h for h in hrefs if h.startswith("/"))
    assert len(internal) >= 10
    for href in internal:
        assert client.get(href).status_code == 200, href


def test_the_page_needs_no_javascript(response):
    # JSON-LD structured data is the only script element, and it is data, not code.
    scripts = parse(response).xpath("//script")
    assert scripts
    assert {script.get("type") for script in scripts} == {"application/ld+json"}
