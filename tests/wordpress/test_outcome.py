"""The import's outcome keeps the report's old URLs on disk, read back as the list they were."""

import pytest

from masthead.wordpress.outcome import Outcome, SpooledRows


def test_the_old_urls_read_back_in_order_with_what_was_added_while_reading():
    outcome = Outcome()
    assert list(outcome.urls) == [] and len(outcome.urls) == 0
    outcome.urls.append(("/2024/05/03/budget", "post", ""))
    outcome.urls.extend([("/tag/rates", "collision", "kept Masthead's own route")])
    read = []
    for row in outcome.urls:
        read.append(row)
        if len(read) == 1:
            outcome.urls.append(("/wp-content/uploads/ü \t\n.jpg", "file", ""))
    assert read == [
        ("/2024/05/03/budget", "post", ""),
        ("/tag/rates", "collision", "kept Masthead's own route"),
        ("/wp-content/uploads/ü \t\n.jpg", "file", ""),
    ]
    assert len(outcome.urls) == 3
    assert list(SpooledRows(read)) == read


def test_an_id_is_seen_once_per_post_type_whatever_its_size():
    from masthead.wordpress.importer import SeenIds

    seen = SeenIds()
    keys = [("post", 0), ("post", 7), ("post", 8), ("page", 7), ("post", 2**40), ("post", -3)]
    for key in keys:
        assert key not in seen
        seen.add(key)
        assert key in seen
    assert ("page", 8) not in seen and ("post", 9) not in seen and ("post", 2**40 + 1) not in seen
    assert ("post", 9_000_000) not in seen


@pytest.mark.django_db
def test_an_export_with_one_post_twice_imports_the_first_and_lists_the_second(home, tmp_path):
    from tests.wordpress.commands import run, story
    from tests.wordpress.generate import HEAD, post

    export = tmp_path / "twice.xml"
    second = post(1).replace("Story number 1", "Story number 1, again")
    export.write_text(HEAD + post(1) + post(2) + second + "</channel></rss>\n")
    printed = run(export, "--report", str(tmp_path / "urls.csv"))
    assert story(1001).title == "Story number 1"
    assert "the export has ID 1001 twice" in printed
    report = (tmp_path / "urls.csv").read_text()
    assert "/2024/01/02/story-1/," in report and "/2024/01/03/story-2/," in report
    assert "\n/2024/01/02/story-1,post,301," in report  # the old path's row, from the spool
