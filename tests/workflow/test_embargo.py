"""An embargo holds: every way of publishing a story keeps it off every public channel until its
time, unless the chief editor shortened or lifted it (with a reason, logged in its history)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageLogEntry, Revision

from masthead.articles import embargo
from masthead.articles.models import ArticlePage
from masthead.publishing import scheduling
from tests.factories import STAFF_PASSWORD, ArticlePageFactory, newsroom_staff, section_named
from tests.workflow.test_channels import channels
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts on their desks (Business; Top News and World)."""
    return newsroom_staff()


staff = module_world(_staff)


HEADLINE = "Embargoed exclusive: the port concession"
WORD = "concession"


def user(username):
    return get_user_model().objects.get(username=username)


def story_in(slug="world", **fields) -> ArticlePage:
    story = ArticlePageFactory(parent=section_named(slug), live=False, title=HEADLINE, **fields)
    story.save_revision(user=user("reporter"))
    return story


@pytest.fixture
def embargoed():
    story = story_in()
    story.embargo_until = timezone.now() + timedelta(hours=2)
    story.save_revision(user=user("reporter"))
    return ArticlePage.objects.get(pk=story.pk)


def assert_off_every_channel(client, story) -> None:
    client.logout()
    story.refresh_from_db()
    assert not story.live
    pages = channels(client)
    pages[f"/search/?q={WORD}"] = client.get(f"/search/?q={WORD}").content.decode()
    leaks = [url for url, body in pages.items() if HEADLINE in body or story.slug in body]
    assert not leaks, f"the embargoed story appears on {leaks}"
    # 404, or 410 for a copy: Wagtail's "publish copies" marks a draft's copy as once published.
    assert client.get(story.url_path.replace("/front", "", 1)).status_code in (404, 410)
    assert client.get(f"/api/stories/{story.pk}/").status_code == 404


def assert_released_at_embargo(story) -> None:
    story.refresh_from_db()
    scheduled = Revision.page_revisions.filter(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    )
    assert [r.approved_go_live_at for r in scheduled] == [story.embargo_until]


def pass_time(story) -> None:
    """The embargo time comes: move the embargo and the release into the past."""
    past = timezone.now() - timedelta(seconds=1)
    ArticlePage.objects.filter(pk=story.pk).update(embargo_until=past)
    for revision in Revision.page_revisions.filter(object_id=str(story.pk)):
        revision.content["embargo_until"] = past.isoformat()
        if revision.approved_go_live_at:
            revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])


# The model ------------------------------------------------------------------------------------


def test_save_with_the_embargo_cleared_is_refused(client, embargoed):
    embargoed.embargo_until = None
    with pytest.raises(ValidationError, match="only the chief editor"):
        embargoed.save()
    embargoed.embargo_until = None
    with pytest.raises(ValidationError, match="only the chief editor"):
        embargoed.save_revision(user=user("editor"))
    embargoed.refresh_from_db()
    assert embargoed.embargo_until is not None
    assert_off_every_channel(client, embargoed)


def test_a_shorter_embargo_is_refused_too(embargoed):
    embargoed.embargo_until = timezone.now() + timedelta(minutes=1)
    with pytest.raises(ValidationError, match="only the chief editor"):
        embargoed.save_revision(user=user("editor"))


def test_a_live_save_under_embargo_is_refused(embargoed):
    embargoed.live = True
    with pytest.raises(ValidationError, match="under embargo until"):
        embargoed.save()


def test_publish_schedules_the_release_at_the_embargo(client, embargoed):
    embargoed.get_latest_revision().publish(user=user("editor"))
    assert_released_at_embargo(embargoed)
    assert embargoed.status_string == "scheduled"
    assert_off_every_channel(client, embargoed)


def test_an_earlier_schedule_becomes_the_embargo(client, embargoed):
    embargoed.go_live_at = timezone.now() + timedelta(minutes=5)
    embargoed.save_revision(user=user("editor")).publish(user=user("editor"))
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


def test_a_later_schedule_is_kept(embargoed):
    later = embargoed.embargo_until + timedelta(hours=1)
    embargoed.go_live_at = later
    embargoed.save_revision(user=user("editor")).publish(user=user("editor"))
    revision = Revision.page_revisions.get(
        object_id=str(embargoed.pk), approved_go_live_at__isnull=False
    )
    assert revision.approved_go_live_at == later


def test_publishing_a_revision_from_before_the_embargo_keeps_the_embargo(client, embargoed):
    first = embargoed.revisions.order_by("created_at", "pk").first()
    assert first.content["embargo_until"] is None
    first.publish(user=user("editor"), previous_revision=first)
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


def test_bulk_publish_schedules_the_release(client, embargoed):
    assert client.login(username="editor", password=STAFF_PASSWORD)
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={embargoed.pk}&next=/admin/", {}
    )
    assert response.status_code == 302
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


def test_approve_and_publish_in_the_workflow_schedules_the_release(client, embargoed):
    embargoed.get_workflow().start(embargoed, user("reporter"))
    assert client.login(username="editor", password=STAFF_PASSWORD)
    for _ in ("Copy edit", "Publish"):
        embargoed.refresh_from_db()
        state = embargoed.current_workflow_state.current_task_state
        url = f"/admin/pages/workflow/action/{embargoed.pk}/approve/{state.pk}/"
        assert client.post(url, {"comment": "ok"}).status_code in (200, 302)
    embargoed.refresh_from_db()
    assert embargoed.current_workflow_state is None  # the workflow finished: "published"
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


def test_the_admin_api_publish_action_schedules_the_release(client, embargoed):
    assert client.login(username="editor", password=STAFF_PASSWORD)
    response = client.post(f"/admin/api/main/pages/{embargoed.pk}/action/publish/")
    assert response.status_code == 200, response.content
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


def test_copy_with_publish_copies_keeps_the_copy_under_embargo(client, embargoed):
    copy = CopyPageAction(
        embargoed,
        to=section_named("business"),
        update_attrs={"slug": "port-concession-copy", "title": HEADLINE},
        keep_live=True,
        user=user("chief"),
    ).execute()
    copy = ArticlePage.objects.get(pk=copy.pk)
    assert copy.embargo_until == embargoed.embargo_until
    copy.get_latest_revision().publish(user=user("chief"))
    assert_released_at_embargo(copy)
    assert_off_every_channel(client, copy)
    assert_off_every_channel(client, embargoed)


def test_moving_to_another_section_keeps_the_embargo(client, embargoed):
    embargoed.get_latest_revision().publish(user=user("editor"))
    admin = get_user_model().objects.create_superuser("mover", "mover@masthead.invalid", "x")
    business = section_named("business")
    MovePageAction(embargoed, business, pos="last-child", user=admin).execute()
    embargoed.refresh_from_db()
    assert embargoed.url_path.endswith("/business/" + embargoed.slug + "/")
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


def test_a_schedule_due_before_a_later_embargo_is_moved_to_the_embargo(client):
    story = story_in()
    story.go_live_at = timezone.now() + timedelta(minutes=10)
    story.save_revision(user=user("editor")).publish(user=user("editor"))
    story.embargo_until = timezone.now() + timedelta(hours=3)
    story.go_live_at = None
    story.save_revision(user=user("reporter"))  # a draft: the earlier schedule still stands
    Revision.page_revisions.filter(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    ).update(approved_go_live_at=timezone.now() - timedelta(seconds=1))
    scheduling.run_due()  # the worker's pass
    assert_released_at_embargo(story)
    assert_off_every_channel(client, story)


def test_the_worker_releases_the_story_at_its_time(client, embargoed):
    embargoed.get_latest_revision().publish(user=user("editor"))
    assert not scheduling.run_due()
    assert_off_every_channel(client, embargoed)
    pass_time(embargoed)
    scheduling.run_due()
    embargoed.refresh_from_db()
    assert embargoed.live
    assert HEADLINE in client.get("/world/").content.decode()


def test_an_embargo_on_a_live_story_holds_back_the_new_version(client):
    story = story_in()
    story.save_revision(user=user("editor")).publish(user=user("editor"))
    story.refresh_from_db()
    story.title = "Embargoed update: the port concession signed"
    until = story.embargo_until = timezone.now() + timedelta(hours=1)
    revision = story.save_revision(user=user("editor"))
    revision.publish(user=user("editor"))
    story.refresh_from_db()
    assert story.live and story.title == HEADLINE
    revision.refresh_from_db()
    assert revision.approved_go_live_at == until
    client.logout()
    assert "port concession signed" not in client.get("/world/").content.decode()
    assert HEADLINE in client.get(story.url).content.decode()


# The chief editor's right ---------------------------------------------------------------------


def test_only_the_chief_editor_holds_the_right_to_lift():
    holders = {
        u.username for u in get_user_model().objects.all() if u.has_perm(embargo.LIFT_PERMISSION)
    }
    assert holders & {"contributor", "reporter", "copyeditor", "editor", "chief"} == {"chief"}


def test_lifting_needs_the_right_and_a_reason(embargoed):
    stored = embargoed.embargo_until
    with pytest.raises(PermissionDenied):
        embargo.authorise_change(embargoed, user("editor"), "source said so", stored)
    with pytest.raises(ValidationError, match="reason"):
        embargo.authorise_change(embargoed, user("chief"), "  ", stored)


def test_the_chief_lifts_the_embargo_with_a_reason_and_it_is_logged(client, embargoed):
    stored = embargoed.embargo_until
    embargoed.embargo_until = None
    embargo.authorise_change(embargoed, user("chief"), "The agency lifted it early", stored)
    embargoed.save_revision(user=user("chief")).publish(user=user("chief"))
    embargoed.refresh_from_db()
    assert embargoed.live
    assert HEADLINE in client.get("/world/").content.decode()
    entry = PageLogEntry.objects.get(page=embargoed, action=embargo.CHANGE_ACTION)
    assert entry.user == user("chief")
    assert "lifted. Reason: The agency lifted it early" in entry.message


# The editor -----------------------------------------------------------------------------------


def edit(client, username, story, **fields):
    from tests.workflow.editor_form import editor_form_data

    assert client.login(username=username, password=STAFF_PASSWORD)
    return client.post(
        f"/admin/pages/{story.pk}/edit/", {**editor_form_data(story), **fields}, follow=True
    )


def test_only_who_may_lift_an_embargo_is_offered_the_controls_to_lift_it(client, embargoed):
    for username, offered in (("editor", False), ("chief", True)):
        assert client.login(username=username, password=STAFF_PASSWORD)
        page = client.get(f"/admin/pages/{embargoed.pk}/edit/")
        assert page.status_code == 200
        assert ('name="confirm_embargo_change"' in page.content.decode()) is offered, username
        assert ('name="embargo_change_reason"' in page.content.decode()) is offered, username


def test_the_editor_publish_schedules_the_release_and_says_so(client, embargoed):
    local = timezone.localtime(embargoed.embargo_until).strftime("%Y-%m-%d %H:%M")
    response = edit(client, "editor", embargoed, embargo_until=local, **{"action-publish": "1"})
    assert "Scheduled for " in response.content.decode()  # the newsroom's words (newsroom/words)
    assert_released_at_embargo(embargoed)
    assert_off_every_channel(client, embargoed)


@pytest.mark.parametrize("username", ["reporter", "editor"])
def test_clearing_the_field_in_the_editor_is_refused_without_the_right(client, embargoed, username):
    if username == "reporter":
        embargoed.owner = user("reporter")
        embargoed.save(update_fields=["owner"])
    publish = {"action-publish": "1"} if username == "editor" else {}
    response = edit(client, username, embargoed, embargo_until="", **publish)
    assert "only the chief editor can shorten or lift" in response.content.decode()
    embargoed.refresh_from_db()
    assert embargoed.embargo_until is not None
    assert not PageLogEntry.objects.filter(page=embargoed, action=embargo.CHANGE_ACTION).exists()
    assert_off_every_channel(client, embargoed)


def test_the_chief_must_confirm_and_give_a_reason_in_the_editor(client, embargoed):
    response = edit(client, "chief", embargoed, embargo_until="", **{"action-publish": "1"})
    body = response.content.decode()
    assert "Tick to confirm" in body and "Give the reason" in body
    assert_off_every_channel(client, embargoed)


def test_the_chief_lifts_it_in_the_editor_and_the_story_goes_out(client, embargoed):
    response = edit(
        client,
        "chief",
        embargoed,
        embargo_until="",
        confirm_embargo_change="on",
        embargo_change_reason="Source lifted the embargo",
        **{"action-publish": "1"},
    )
    assert "Published: " in response.content.decode()  # the newsroom's words (newsroom/words)
    embargoed.refresh_from_db()
    assert embargoed.live and embargoed.embargo_until is None
    entry = PageLogEntry.objects.get(page=embargoed, action=embargo.CHANGE_ACTION)
    history = client.get(f"/admin/pages/{embargoed.pk}/history/").content.decode()
    assert "Reason: Source lifted the embargo" in history
    assert entry.data["reason"] == "Source lifted the embargo"
