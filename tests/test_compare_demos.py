"""bench/compare_demos.py: what it masks as run-dependent, and what it still reports."""

from datetime import date

from bench.compare_demos import compare, report
from bench.demo_crawl import detail_templates, links
from bench.masking import Masker

RUN_DAY = date(2026, 12, 6)
mask = Masker.around(RUN_DAY, RUN_DAY)


def page(body: str, status: int = 200, kind: str = "text/html; charset=utf-8") -> dict:
    return {"status": status, "type": kind, "body": body}


def test_the_moments_of_the_run_are_masked_in_every_format():
    text = (
        '<time datetime="2026-12-06T19:05:00+00:00">December 6, 2026 at 19:05 GMT</time>'
        "<pubDate>Sun, 06 Dec 2026 19:05:00 +0000</pubDate><lastmod>2026-12-07</lastmod>"
        "<updated>2026-12-05T23:59:59Z</updated>"
    )
    assert mask(text) == (
        '<time datetime="<time>"><time></time>'
        "<pubDate><time></pubDate><lastmod><time></lastmod><updated><time></updated>"
    )


def test_the_demos_fixed_dates_stay_compared():
    text = '<time datetime="2023-08-03T12:00:00+01:00">August 3, 2023</time> 2025-04-01'
    assert mask(text) == text


def test_tokens_block_ids_and_static_hashes_are_masked():
    text = (
        '<input name="csrfmiddlewaretoken" value="AbC123xyz">'
        '"id": "bca2dbb2-5efe-4ebc-9a24-b2e8a1fd95bf"'
        '<link href="/static/css/reader.3f2a9c1b7e4d.css">'
    )
    assert mask(text) == (
        '<input name="csrfmiddlewaretoken" value="<csrf>">'
        '"id": "<uuid>"'
        '<link href="/static/css/reader.<hash>.css">'
    )


def test_a_changed_headline_is_reported_with_its_diff():
    base = {"/": page("<h1>Old</h1>\n<p>2026-12-06T10:00:00Z</p>\n")}
    head = {"/": page("<h1>New</h1>\n<p>2026-12-06T10:00:09Z</p>\n")}
    differences = compare(base, head, mask)
    assert [address for address, _ in differences] == ["/"]
    assert "-<h1>Old</h1>\n" in differences[0][1]
    assert "+<h1>New</h1>\n" in differences[0][1]


def test_layout_whitespace_between_tags_is_no_difference_but_text_is():
    base = {"/": page("<head>\n  <title>T</title>\n\n  <link>\n"), "/a/": page("<p>one two</p>")}
    head = {"/": page("<head>\n  <title>T</title>  \n  <link>\n"), "/a/": page("<p>one  two</p>")}
    assert [address for address, _ in compare(base, head, mask)] == ["/a/"]


def test_pages_equal_but_for_the_run_do_not_differ():
    base = {"/feed/": page("<pubDate>Sun, 06 Dec 2026 19:05:00 +0000</pubDate>", kind="rss")}
    head = {"/feed/": page("<pubDate>Sun, 06 Dec 2026 19:07:41 +0000</pubDate>", kind="rss")}
    assert compare(base, head, mask) == []


def test_an_address_only_one_side_reaches_and_a_status_change_count(capsys):
    base = {"/a/": page("same"), "/gone/": page("x")}
    head = {"/a/": page("same", status=404), "/new/": page("y")}
    differences = compare(base, head, mask)
    assert [address for address, _ in differences] == ["/a/", "/gone/", "/new/"]
    assert report(differences, 3, diffs=1) == 1
    printed = capsys.readouterr().out
    assert printed.startswith("3 addresses compared, 3 differ\n")
    assert "also differs: /new/" in printed


def test_json_is_compared_value_by_value():
    base = {"/api/x/": page('{"a": 1, "b": "same"}', kind="application/json")}
    head = {"/api/x/": page('{"b": "same", "a": 2}', kind="application/json")}
    (address, diff), *_ = compare(base, head, mask)
    assert '- "a": 1,\n' in diff
    assert '+ "a": 2,\n' in diff


def test_the_crawl_follows_api_items_to_their_detail_addresses():
    templates = detail_templates({"paths": {"/api/stories/": {}, "/api/stories/{id}/": {}}})
    listing = page(
        '{"items": [{"id": 7, "url": "http://127.0.0.1:8000/world/a-story/"}]}',
        kind="application/json",
    )
    assert links("/api/stories/?limit=20", listing, templates) == {
        "/api/stories/7/",
        "/world/a-story/",
    }
