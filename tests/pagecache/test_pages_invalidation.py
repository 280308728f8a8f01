"""A menu edit, or a standard page published or withdrawn, refreshes every cached page (menus
and the publisher's policy links show on all of them); a story's edit leaves a standard page
cached."""

import pytest

from tests import factories
from tests.factories import default_site, section_named
from tests.factories.pages import MenuEntry, set_menu, standard_page

pytestmark = pytest.mark.django_db

PATHS = ("/", "/world/", "/about/")


@pytest.fixture
def about():
    factories.stories_in(section_named("world"), 2)
    return standard_page("About us", slug="about", role="about")


def test_a_menu_edit_refreshes_every_page(warm, wsgi, about):
    pages = warm(*PATHS)
    set_menu(default_site(), "footer", [MenuEntry(page=about, label="Who we are")])
    for path in PATHS:
        reply = wsgi.get(path)
        assert reply.cache == "miss", path
        assert "Who we are</a>" in reply.text, path
    assert all(pages.state(path) == "hit" for path in PATHS)


def test_a_page_unpublished_leaves_every_menu_and_the_publisher(warm, wsgi, about):
    set_menu(
        default_site(), "header", [MenuEntry(page=about), MenuEntry(url="/feed/", label="RSS")]
    )
    warm("/", "/world/")
    assert '"masthead":' in wsgi.get("/").text
    about.unpublish()
    for path in ("/", "/world/"):
        reply = wsgi.get(path)
        assert reply.cache == "miss", path
        assert 'href="/about/"' not in reply.text, path
    assert '"masthead":' not in wsgi.get("/").text


def test_a_story_edit_leaves_a_standard_page_cached(warm, about):
    pages = warm("/about/")
    story = factories.stories_in(section_named("world"), 1)[0]
    story.title = "A new headline"
    story.save_revision().publish()
    assert pages.state("/about/") == "hit"
