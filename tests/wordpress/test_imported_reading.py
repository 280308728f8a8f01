"""What a reader sees of an imported site, as a new user's check of the WordPress import found
it: no standfirst copied from the body, no "Updated" line for the import itself, and the site's
own 404 page for an old link to a private, draft or unknown item. (The "Updated" line of a post
that WordPress modified: test_imported_dates.py.)"""

import pytest

from tests.pages import main_text, parse, visible_text
from tests.wordpress.commands import run, story
from tests.wordpress.conftest import shared
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("imported")]

SMALL = "wordpress-importer__small-export.xml"


def _import_small_export():
    """The shared small export (a 2011 WordPress site), imported once for the module
    (tests/worlds.py)."""
    run(shared(SMALL))


imported = module_world(_import_small_export)


def test_a_post_without_an_excerpt_shows_its_first_paragraph_once(home, client):
    """A story needs a standfirst: the first paragraph moves there, out of the body."""
    hello, aside = story(1), story(19)
    assert hello.standfirst.startswith("Welcome to WordPress.")
    assert aside.standfirst == "This is an aside." and not aside.body.raw_data
    article = visible_text(parse(client.get(hello.url)).xpath("//article")[0])
    assert article.count("Welcome to WordPress") == 1
    # A listing's excerpt (the story page's "Latest from") shows the aside's words once.
    assert aside.excerpt(30) == "This is an aside."
    teasers = [
        visible_text(p)
        for url in (hello.url, aside.url)
        for p in parse(client.get(url)).xpath("//p[@class='teaser__excerpt']")
    ]
    assert "This is an aside." in teasers
    assert all(t.count("This is an aside.") <= 1 for t in teasers), teasers


def test_a_2011_export_without_modified_dates_shows_no_update(home, client):
    hello = story(1)
    assert hello.modified_at == hello.published_at
    assert "Updated" not in main_text(client.get(hello.url))


@pytest.mark.parametrize("old", ["/?p=13", "/?page_id=9", "/?p=99999"])
def test_old_links_to_private_draft_or_unknown_items_get_the_sites_404_page(home, client, old):
    unknown = client.get("/no-such-page/")
    response = client.get(old)
    assert response.status_code == unknown.status_code == 404
    page = parse_404(response)
    assert page.xpath("//form[@role='search' or .//input[@name='q']]")  # the site's search
    assert "No such WordPress item" not in response.content.decode()
    assert main_text_of(page) == main_text_of(parse_404(unknown))  # says nothing of the item


def parse_404(response):
    from lxml import html as lxml_html

    return lxml_html.fromstring(response.content.decode())


def main_text_of(page) -> str:
    return visible_text(page.xpath("//main")[0])
