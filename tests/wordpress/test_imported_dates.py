"""An imported story shows an "Updated" line only when WordPress modified the post after its
publication (its `post_modified_gmt`), imported in batches or one by one."""

import pytest

from tests.pages import main_text
from tests.wordpress.commands import run, story
from tests.wordpress.generate import HEAD, post

pytestmark = pytest.mark.django_db


def dated_post(number: int, modified_gmt: str) -> str:
    return post(number).replace(
        "</wp:post_date_gmt>",
        f"</wp:post_date_gmt><wp:post_modified_gmt>{modified_gmt}</wp:post_modified_gmt>",
    )


@pytest.mark.parametrize("batch", [True, False], ids=["batches", "one-by-one"])
def test_an_imported_story_is_updated_only_when_wordpress_modified_it(
    home, client, tmp_path, batch
):
    export = tmp_path / "dated.xml"
    sticky = "" if batch else "<wp:is_sticky>1</wp:is_sticky>"  # a sticky post: one by one
    export.write_text(
        HEAD
        + dated_post(0, "2024-03-05 16:30:00").replace(
            "</wp:post_type>", f"</wp:post_type>{sticky}"
        )
        + dated_post(1, "2024-01-02 09:00:00").replace(
            "</wp:post_type>", f"</wp:post_type>{sticky}"
        )
        + "</channel></rss>\n"
    )
    run(export)
    edited, untouched = story(1000), story(1001)  # published 2024-01-01 and -02 09:00 GMT
    assert str(edited.modified_at) == "2024-03-05 16:30:00+00:00"
    assert str(untouched.modified_at) == "2024-01-02 09:00:00+00:00"
    assert "Updated" in main_text(client.get(edited.url))
    assert "March 5, 2024" in main_text(client.get(edited.url))
    assert "Updated" not in main_text(client.get(untouched.url))
