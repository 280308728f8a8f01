"""Newsroom words in the editor's messages, after each step of a story."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from tests.factories import STAFF_PASSWORD, ArticlePageFactory, newsroom_staff, section_named
from tests.workflow.editor_form import editor_form_data
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def story(staff):
    section = section_named("top-news")
    page = ArticlePageFactory(parent=section, live=False, owner=user("reporter"), title="Tram")
    page.save_revision(user=user("reporter"))
    return page


def step(client, username, story, **action):
    assert client.login(username=username, password=STAFF_PASSWORD)
    response = client.post(f"/admin/pages/{story.pk}/edit/", {**editor_form_data(story), **action})
    assert response.status_code == 302, response.content.decode()[:3000]
    said = [str(m.message) for m in get_messages(response.wsgi_request)]
    story.refresh_from_db()
    return " ".join(said)


def approve(client, username, story):
    return step(
        client,
        username,
        story,
        **{"action-workflow-action": "1", "workflow-action-name": "approve"},
    )


def test_each_step_says_what_happened_in_newsroom_words(client, story):
    said = step(client, "reporter", story, **{"action-submit": "1"})
    assert "Sent to copy edit: “Tram”" in said and "moderation" not in said
    said = approve(client, "copyeditor", story)
    assert "Passed to the editor: “Tram”" in said and "has been updated" not in said
    said = approve(client, "editor", story)
    assert "Published: “Tram”" in said
    assert story.live


def test_changes_requested_are_named(client, story):
    step(client, "reporter", story, **{"action-submit": "1"})
    said = step(
        client,
        "copyeditor",
        story,
        **{"action-workflow-action": "1", "workflow-action-name": "reject"},
    )
    assert "Changes requested: “Tram”" in said


def test_a_scheduled_publication_says_when_in_the_newsroom_zone(client, story):
    data = {"action-publish": "1", "go_live_at": "2031-07-01 14:35"}
    said = step(client, "editor", story, **data)
    assert "Scheduled for 14:35 IST" in said, said  # the test zone: Asia/Kolkata


def test_a_plain_save_says_draft_saved(client, story):
    """Issue 13: "Saved: “…”" was Wagtail's "has been updated" in other words; a save makes a
    draft and publishes nothing, and says so."""
    assert "Draft saved: “Tram”" in step(client, "reporter", story)


def test_a_go_live_time_is_named_on_save_on_the_buttons_and_once_scheduled(client, story):
    """Issue 13: with a go-live time the footer still offered "Approve and Publish" and "Save
    schedule" said "Saved". The buttons that publish say they schedule, and when, in the
    newsroom's zone (the test zone: Asia/Kolkata), as the message after them does."""
    step(client, "reporter", story, **{"action-submit": "1"})
    approve(client, "copyeditor", story)
    said = step(client, "editor", story, go_live_at="2031-07-01 14:35")  # "Save schedule"
    assert "Draft saved, to go live at 14:35 IST, Tue 1 Jul once scheduled: “Tram”" in said
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Approve and schedule for 14:35 IST, Tue 1 Jul" in html
    assert "Approve with comment and schedule for 14:35 IST, Tue 1 Jul" in html
    assert "Schedule for 14:35 IST, Tue 1 Jul" in html  # the Publish button
    assert "and Publish" not in html and "Schedule to publish" not in html
    approval = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    said = step(client, "editor", story, go_live_at="2031-07-01 14:35", **approval)
    assert "Scheduled for 14:35 IST, Tue 1 Jul: “Tram”" in said
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "“Tram” is scheduled to go live at" in html
    assert "Page &#x27;Tram&#x27;" not in html and "Page 'Tram'" not in html


def test_listings_count_stories_not_pages(client, story):
    """Issue 13: "1-9 of 9 pages" and "9 pages" under the section listing."""
    assert client.login(username="editor", password=STAFF_PASSWORD)
    html = client.get(f"/admin/pages/{story.get_parent().pk}/").content.decode()
    assert re.search(r"1-1 of 1 story\s", html), re.findall(r"1-1 of [^<]{0,80}", html)
    assert not re.search(r"\d+ pages\b", html), re.search(r".{80}\d+ pages\b.{20}", html, re.S)
    assert "Current page status" not in html and "Has child pages" not in html


def test_a_story_in_review_is_in_review_not_in_moderation(client, story):
    step(client, "reporter", story, **{"action-submit": "1"})
    assert client.login(username="copyeditor", password=STAFF_PASSWORD)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "In review" in html
    assert "moderation" not in html.lower()


def test_the_editor_speaks_of_stories_not_pages(client, story):
    """Issue 13: "The page title as you'd like…", "Search all pages…", "Choose when this page
    should go live", "Page visibility", "…after you select the 'Schedule to publish' option"."""
    assert client.login(username="editor", password=STAFF_PASSWORD)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    for pages_word in (
        "The page title as you",
        "Search all pages",
        "Choose when this page should go live",
        "Page visibility",
        "Schedule to publish",
    ):
        assert pages_word not in html, pages_word
    assert "The headline as readers see it" in html
    assert "Choose when this story goes live" in html
    assert "once you press “Schedule for …”" in html


def test_a_scheduled_storys_lock_says_what_each_reader_can_do(client, story):
    """Issue 13: the reporter was told to press "Cancel scheduled publish", a button only those
    who may publish have. Those who have it are told to press it; the others, whom to ask."""
    step(client, "reporter", story, **{"action-submit": "1"})
    approve(client, "copyeditor", story)
    approval = {"action-workflow-action": "1", "workflow-action-name": "approve"}
    step(client, "editor", story, go_live_at="2031-07-01 14:35", **approval)
    press = "Press “Cancel scheduled publish” to change it first."
    ask = "To change it, ask an editor of its desk to cancel the scheduled publish."

    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()  # the editor
    assert "“Tram” is scheduled to go live at" in html and press in html and ask not in html

    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "“Tram” is scheduled to go live at" in html, html[:3000]
    assert ask in html and "Cancel scheduled publish" not in html


def test_a_new_story_publishes_whatever_other_stories_are_scheduled(client, story):
    """A new story's footer said "Schedule for …", the go-live time of the story whose edit form
    was shown before it (Wagtail's shared menu item was relabelled), before any time was typed."""
    step(client, "reporter", story, **{"action-submit": "1"})
    approve(client, "copyeditor", story)
    step(client, "editor", story, go_live_at="2031-07-01 14:35")  # "Save schedule"
    assert "Schedule for 14:35" in client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    html = client.get(f"/admin/pages/add/articles/articlepage/{story.get_parent().pk}/")
    html = html.content.decode()
    assert "Schedule for" not in html, re.findall(r"Schedule for[^<]*", html)
    assert re.search(
        r'name="action-publish"[^>]*>\s*(<svg.*?</svg>\s*)*<em[^>]*>Publish</em>', html, re.S
    )


def test_the_review_buttons_and_lock_speak_newsroom(client, story):
    """Issue 13: "Submit to Newsroom review", "Cancel workflow" and "This story is awaiting
    'Copy edit' in the 'Newsroom review' workflow. Only reviewers for this task can edit the
    story." in the editor."""
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Send to copy edit" in html and "Submit to" not in html
    step(client, "reporter", story, **{"action-submit": "1"})
    html = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Withdraw from review" in html and "Cancel workflow" not in html
    assert "This story is at the <b>Copy edit</b> step of its review." in html, re.findall(
        r"This story[^\n]{0,200}", html
    )
    assert "workflow.<" not in html and "Only reviewers for this task" not in html
