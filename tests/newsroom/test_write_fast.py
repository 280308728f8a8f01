"""Writing fast: the byline is the writer, the headline a counted multi-line field, no
"minor edit" on a first draft."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.articles.models import ArticlePage
from masthead.people.models import Person
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    named_newsroom_staff,
    publish,
    section_named,
)
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts, under the demo's names (the reporter is Riley Reporter, the byline
    on a new story), on their desks (Business; Top News and World)."""
    return named_newsroom_staff()


staff = module_world(_staff)


def user(username):
    return get_user_model().objects.get(username=username)


def add_url(slug="top-news"):
    return f"/admin/pages/add/articles/articlepage/{section_named(slug).pk}/"


def test_every_login_is_a_person_to_byline():
    assert user("reporter").person.name == "Riley Reporter"
    newcomer = get_user_model().objects.create_user("kim", first_name="Kim", last_name="Lee")
    person = Person.objects.get(user=newcomer)
    assert (person.name, person.kind, person.slug) == ("Kim Lee", "person", "kim-lee")
    namesake = get_user_model().objects.create_user("kim2", first_name="Kim", last_name="Lee")
    assert namesake.person.slug == "kim-lee-2"


def test_a_new_story_is_bylined_to_its_writer(client):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = client.get(add_url()).content.decode()
    assert 'name="bylines-TOTAL_FORMS" value="1"' in html
    assert 'name="bylines-INITIAL_FORMS" value="0"' in html
    person = user("reporter").person
    assert re.search(rf'name="bylines-0-person"[^>]*value="{person.pk}"', html) or re.search(
        rf'value="{person.pk}"[^>]*name="bylines-0-person"', html
    ), "the byline's person is not the writer"


def test_the_writers_byline_is_saved_with_the_story(client):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    person = user("reporter").person
    data = nested_form_data(
        {
            "title": "Tram line\nopens   on Monday",
            "slug": "tram-line-opens",
            "standfirst": "The new line runs every ten minutes.",
            "credit_verb": "reports",
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "bylines": inline_formset([{"person": person.pk, "role": "author"}]),
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
            "tags": "",
        }
    )
    response = client.post(add_url(), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story = ArticlePage.objects.get(slug="tram-line-opens")
    draft = story.get_latest_revision_as_object()
    assert [b.person for b in draft.bylines.all()] == [person]
    assert draft.title == "Tram line opens on Monday"  # one line, whatever was typed


def test_the_headline_is_a_counted_multiline_field(client):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = client.get(add_url()).content.decode()
    field = re.search(r"<textarea[^>]*name=\"title\"[^>]*>", html)
    assert field, "the headline is not a multi-line field"
    assert 'data-newsroom-counter="110"' in field.group(0)
    assert re.search(r"<label for=\"id_title\"[^>]*><span[^>]*>Headline</span>", html)
    assert "newsroom/editor.js" in html


def test_no_minor_edit_on_a_first_draft_only(client):
    assert client.login(username="chief", password=STAFF_PASSWORD)
    assert 'name="minor_edit"' not in client.get(add_url()).content.decode()
    section = section_named("top-news")
    story = ArticlePageFactory(parent=section, live=False, owner=user("chief"))
    story.save_revision()
    edit = f"/admin/pages/{story.pk}/edit/"
    assert 'name="minor_edit"' not in client.get(edit).content.decode()
    publish(story)
    assert 'name="minor_edit"' in client.get(edit).content.decode()


def test_a_new_story_opens_with_an_empty_paragraph_to_type_in():
    form_class = ArticlePage.get_edit_handler().get_form_class()
    section = section_named("top-news")
    form = form_class(instance=ArticlePage(), for_user=user("reporter"), parent_page=section)
    assert [block.block_type for block in form.initial["body"]] == ["paragraph"]
    existing = ArticlePageFactory(parent=section)
    form = form_class(instance=existing, for_user=user("reporter"), parent_page=section)
    assert "body" not in form.initial or form.initial["body"] == existing.body


def test_reporters_may_not_add_sections_editors_may(client):
    top_news = section_named("top-news")
    url = f"/admin/pages/add/sections/sectionpage/{top_news.pk}/"
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    refused = client.get(url)  # Wagtail turns the refusal into a redirect with a message
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert client.login(username="editor", password=STAFF_PASSWORD)
    assert client.get(url).status_code == 200


def test_reporters_are_offered_stories_only_editors_sections_too(client):
    top_news = section_named("top-news")
    url = f"/admin/pages/{top_news.pk}/add_subpage/"
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    straight = client.get(url)  # one type left: its form, no "Section or Story?"
    assert straight.status_code == 302
    assert straight["Location"] == f"/admin/pages/add/articles/articlepage/{top_news.pk}/"
    assert client.login(username="editor", password=STAFF_PASSWORD)
    offered = client.get(url).content.decode()
    assert "/admin/pages/add/sections/sectionpage/" in offered
    assert "/admin/pages/add/articles/articlepage/" in offered


def test_no_corrections_on_a_first_draft_only(client):
    assert client.login(username="chief", password=STAFF_PASSWORD)
    assert "corrections-TOTAL_FORMS" not in client.get(add_url()).content.decode()
    section = section_named("top-news")
    story = ArticlePageFactory(parent=section, live=False, owner=user("chief"))
    story.save_revision()
    edit = f"/admin/pages/{story.pk}/edit/"
    html = client.get(edit).content.decode()
    assert "corrections-TOTAL_FORMS" not in html and "Corrections and updates" not in html
    publish(story)
    html = client.get(edit).content.decode()
    assert "corrections-TOTAL_FORMS" in html and "Corrections and updates" in html


# What Wagtail counts as a tab's errors (its w-count controller in wagtailadmin/base.html).
TAB_ERRORS = ":not([hidden]):is(.error-message,.help-critical)"


def test_an_empty_new_story_shows_no_error_on_its_content_tab(client):
    """Issue 13's tester: "Content 1 (1 error)" from the moment an empty story opened, with no
    field in error. "Needed before you publish" (on load, and as checked live) is no error."""
    from bs4 import BeautifulSoup

    assert client.login(username="reporter", password=STAFF_PASSWORD)
    page = BeautifulSoup(client.get(add_url()).content, "html.parser")
    content = page.select_one("#tab-content")
    assert content is not None, "no Content tab"
    assert "Needed before you publish" in content.get_text()
    assert [element.get_text(" ", strip=True) for element in content.select(TAB_ERRORS)] == []
    live = client.post("/admin/newsroom/checks/", {"title": "", "standfirst": ""})
    checked = BeautifulSoup(live.content, "html.parser")
    assert "Needed before you publish" in checked.get_text()
    assert checked.select(TAB_ERRORS) == []
