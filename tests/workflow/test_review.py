"""Draft → Copy edit → Publish, through the editor's own screens, desk by desk."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import STAFF_PASSWORD, ArticlePageFactory, newsroom_staff, section_named
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


def user(username):
    return get_user_model().objects.get(username=username)


def login(client, username):
    assert client.login(username=username, password=STAFF_PASSWORD)
    return client


def draft_by(username, section_slug, title="Council approves new bridge"):
    section = section_named(section_slug)
    story = ArticlePageFactory(parent=section, owner=user(username), live=False, title=title)
    story.save_revision(user=user(username))
    return story


def submit(story, username):
    workflow = story.get_workflow()
    assert workflow is not None and workflow.name == "Newsroom review"
    return workflow.start(story, user(username))


def act(client, story, action="approve"):
    state = story.current_workflow_state.current_task_state
    return client.post(
        f"/admin/pages/workflow/action/{story.pk}/{action}/{state.pk}/", {"comment": "ok"}
    )


def test_a_story_goes_from_reporter_to_copy_editor_to_editor_and_out(client):
    story = draft_by("reporter", "top-news")
    submit(story, "reporter")
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Copy edit"

    act(login(client, "copyeditor"), story)
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Publish"
    assert not story.live

    act(login(client, "editor"), story)
    story.refresh_from_db()
    assert story.live
    assert story.current_workflow_state is None
    client.logout()
    assert client.get(story.url).status_code == 200


def test_a_copy_editor_cannot_approve_the_publish_step(client):
    story = draft_by("reporter", "top-news")
    submit(story, "reporter")
    act(login(client, "copyeditor"), story)
    story.refresh_from_db()
    response = act(client, story)
    story.refresh_from_db()
    assert response.status_code in (302, 403)
    assert not story.live
    assert story.current_workflow_task.name == "Publish"


def test_an_editor_cannot_approve_on_another_desk(client):
    story = draft_by("contributor", "business")  # the Business desk: not the editor's
    submit(story, "chief")
    response = act(login(client, "editor"), story)
    story.refresh_from_db()
    assert response.status_code in (302, 403)
    assert story.current_workflow_task.name == "Copy edit"


def test_a_contributor_submits_a_new_story_to_their_desks_copy_edit(client):
    """Issue 13: a contributor's new story offered only "Save draft"."""
    business = section_named("business")
    login(client, "contributor")
    add = client.get(f"/admin/pages/add/articles/articlepage/{business.pk}/")
    assert add.status_code == 200
    assert b'name="action-submit"' in add.content


def test_a_contributor_sends_their_draft_to_copy_edit_through_the_editor(client):
    from tests.workflow.editor_form import editor_form_data

    story = draft_by("contributor", "business")
    login(client, "contributor")
    edit = client.get(f"/admin/pages/{story.pk}/edit/")
    assert b'name="action-submit"' in edit.content
    response = client.post(
        f"/admin/pages/{story.pk}/edit/", {**editor_form_data(story), "action-submit": "1"}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Copy edit"


def test_a_reporter_sees_the_submit_button(client):
    story = draft_by("reporter", "top-news")
    edit = login(client, "reporter").get(f"/admin/pages/{story.pk}/edit/")
    assert edit.status_code == 200
    assert b'name="action-submit"' in edit.content


def test_review_state_shows_in_the_page_listing(client):
    story = draft_by("reporter", "top-news", title="Awaiting the copy desk")
    submit(story, "reporter")
    section = section_named("top-news")
    listing = login(client, "editor").get(f"/admin/pages/{section.pk}/").content.decode()
    assert "Awaiting the copy desk" in listing
    assert "in review: Copy edit" in listing
