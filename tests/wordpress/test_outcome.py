"""The import's outcome keeps the report's old URLs on disk, read back as the list they were."""

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
