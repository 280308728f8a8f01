"""Reading WXR safely: well-formed files stream, broken ones stop with line and column, PHP
metadata is read as data, HTML is sanitised."""

import pytest

from masthead.wordpress import phpdata, sanitise, wxr
from masthead.wordpress.body import convert
from tests.wordpress.conftest import FIXTURES, MALFORMED, NOT_AN_EXPORT, shared, shared_files


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_file_that_is_not_well_formed_stops_with_its_line_and_column(name):
    line, column = MALFORMED[name]
    with pytest.raises(wxr.NotAnExport, match=f"line {line}, column {column}"):
        wxr.survey(shared(name))


@pytest.mark.parametrize("name", [n for n in shared_files() if n not in MALFORMED])
def test_every_well_formed_shared_file_is_read_or_refused_as_no_export(name):
    if name in NOT_AN_EXPORT:
        with pytest.raises(wxr.NotAnExport, match="not a WordPress export"):
            wxr.survey(shared(name))
        return
    survey = wxr.survey(shared(name))
    assert survey.channel is not None


def test_unknown_and_missing_versions_warn_and_still_read():
    assert (
        "not one of 1.0, 1.1, 1.2"
        in wxr.survey(shared("wordpress-importer__invalid-version-tag.xml")).warnings[0]
    )
    assert (
        "no WXR version"
        in wxr.survey(shared("wordpress-importer__missing-version-tag.xml")).warnings[0]
    )


def test_cdata_and_utf8_come_through_intact():
    items = [
        r
        for r in wxr.records(shared("wordpress-importer__crazy-cdata-escaped.xml"))
        if isinstance(r, wxr.Item)
    ]
    assert items and "CDATA" in items[0].content
    utf8 = [
        r
        for r in wxr.records(shared("wordpress-importer__wxr-utf-8-challenges.xml"))
        if isinstance(r, wxr.Item)
    ]
    assert utf8[0].title and utf8[0].content


def test_look_alike_namespaces_are_not_read_as_wordpress():
    authors = [
        r
        for r in wxr.records(shared("wordpress-importer__namespace-edge-cases.xml"))
        if isinstance(r, wxr.Author)
    ]
    assert "fake_ns_user" not in {a.login for a in authors}
    assert "real_user" in {a.login for a in authors}


def test_a_dtd_or_entity_is_refused(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        "<rss><channel><title>&b;</title></channel></rss>"
    )
    with pytest.raises(wxr.NotAnExport, match="DTD or an entity"):
        wxr.survey(bomb)


def test_each_item_is_placed_at_the_line_its_start_tag_is_on():
    # (What a skipped item's reason names, "the export has ID 1 twice (line 102)": it said
    # "line 0" for every item.)
    export = shared("wagtail-wordpress-import__post_meta.xml")
    lines = export.read_text(encoding="utf-8").splitlines()
    starts = [number for number, text in enumerate(lines, 1) if text.strip() == "<item>"]
    items = [record for record in wxr.records(export) if isinstance(record, wxr.Item)]
    assert len(starts) == 5
    assert [item.line for item in items] == starts


def test_what_rss_holds_beside_its_channel_is_passed_over(tmp_path):
    export = tmp_path / "extra.xml"
    export.write_text(
        '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n'
        "<wp:wxr_version>1.2</wp:wxr_version>\n"
        "<item><title>Kept</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>"
        "</item>\n</channel><extra><note>not the channel's</note></extra></rss>\n"
    )
    assert wxr.survey(export).counts["item:post"] == 1
    items = [record for record in wxr.records(export) if isinstance(record, wxr.Item)]
    assert [(item.wp_id, item.line) for item in items] == [(7, 4)]


def test_our_fixture_counts():
    survey = wxr.survey(FIXTURES / "newsroom.xml")
    assert survey.counts["item:post"] == 8
    assert survey.counts["item:attachment"] == 3


def test_php_serialized_data_is_read_as_plain_data_never_objects():
    assert phpdata.loads('a:2:{s:3:"key";s:5:"value";i:0;b:1;}') == {"key": "value", 0: True}
    assert phpdata.loads('s:5:"café";') == "café"  # lengths in bytes, as PHP counts them
    with pytest.raises(phpdata.NotSerialized, match="objects never are"):
        phpdata.loads('O:8:"stdClass":1:{s:1:"a";s:1:"b";}')
    with pytest.raises(phpdata.NotSerialized):
        phpdata.loads("a:1:{i:0;r:1;}")
    assert phpdata.maybe_loads('O:8:"Evil":0:{}') == 'O:8:"Evil":0:{}'


@pytest.mark.parametrize(
    "dirty",
    [
        '<p onclick="x()">a</p><script>alert(1)</script>',
        '<a href="javascript:alert(1)">a</a>',
        '<a href="JaVaScRiPt:alert(1)">a</a>',
        "<img src=x onerror=alert(1)>a",
        "<svg onload=alert(1)>a</svg>",
        '<iframe src="javascript:alert(1)"></iframe>a',
    ],
)
def test_no_script_handler_or_javascript_url_survives(dirty):
    for html in (
        sanitise.rich_text(dirty),
        *(str(b["value"]) for b in convert(dirty, lambda ref: None).blocks),
    ):
        lowered = html.lower()
        assert "<script" not in lowered and "javascript:" not in lowered
        assert "onclick" not in lowered and "onerror" not in lowered and "onload" not in lowered


def test_gutenberg_blocks_become_story_blocks():
    content = (FIXTURES / "newsroom.xml").read_text()
    start = content.index("<!-- wp:paragraph -->")
    end = content.index("]]></content:encoded>", start)
    result = convert(
        content[start:end],
        lambda ref: {"image": 1, "alt_text": "", "caption": ""} if ref.wp_id == 100 else None,
    )
    kinds = [block["type"] for block in result.blocks]
    assert kinds[:3] == ["paragraph", "heading", "image"]
    assert "quote" in kinds
    quotes = [b["value"] for b in result.blocks if b["type"] == "quote"]
    assert {q["speaker"] for q in quotes} == {"Mayor Farah Khan", "An engineer"}
    values = " ".join(str(b["value"]) for b in result.blocks)
    assert "<ul><li>Roads closed</li><li>Schools shut</li></ul>" in values
    assert "Level · 6.2 m" in values  # table flattened
    assert '<a href="https://www.youtube.com/watch?v=abc123">' in values  # embed as a link
    assert "Left column" in values and "Right column" in values  # columns flattened
    assert "Raw <i>HTML</i> block" in values and "alert" not in values
    assert "unknown block acme/poll kept as text" in result.notes
    assert "Vote now" in values


def test_classic_html_and_shortcodes():
    content = (
        "One line.\nNext line.\n\n"
        '[caption id="attachment_100" width="300"]'
        '<img class="wp-image-100" src="u.png" alt="A"> Cap[/caption]\n\n'
        "[embed]https://vimeo.com/1[/embed]\n\n"
        '[gallery ids="100,5"]\n\n'
        '[contact-form-7 id="5"]\n\n<h3>Next</h3>'
    )
    result = convert(
        content,
        lambda ref: {"image": 9, "alt_text": "", "caption": ""} if ref.wp_id == 100 else None,
    )
    kinds = [block["type"] for block in result.blocks]
    assert kinds == ["paragraph", "image", "paragraph", "image", "paragraph", "heading"]
    assert result.blocks[0]["value"] == "<p>One line.<br>\nNext line.</p>"
    assert result.blocks[1]["value"]["caption"] == "Cap"
    assert '[contact-form-7 id="5"]' in result.blocks[4]["value"]
    assert "unknown shortcode [contact-form-7] kept as text" in result.notes
    assert "image not imported: 5" in result.notes
