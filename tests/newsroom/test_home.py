"""The newsroom home: "New story" per desk, the pipeline, the desk board by stage."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.articles.models import ArticleByline
from masthead.newsroom.board import desk_board
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    PersonFactory,
    named_newsroom_staff,
    section_named,
)
from tests.worlds import module_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


def _staff():
    """The five role accounts, under the demo's names, on their desks (Business; Top News and
    World)."""
    return named_newsroom_staff()


staff = module_world(_staff)


def user(username):
    return get_user_model().objects.get(username=username)


def section(slug):
    return section_named(slug)


def pipeline():
    """A World story at each stage before it goes live, as the desk leaves them, bylined to
    Amara Okafor."""
    amara = PersonFactory(name="Amara Okafor", slug="amara-okafor")
    year = timezone.now() + timedelta(days=365)
    stages = [
        ("Unpublished draft: the harbour plan", {}),
        ("Unpublished in review: rail fares rise", {}),
        ("Unpublished until next year: the budget", {"go_live_at": year}),
        ("Unpublished under embargo: the audit report", {"embargo_until": year}),
    ]
    for n, (title, wait) in enumerate(stages):
        story = draft("reporter", "world", title, **wait)
        story.bylines.add(ArticleByline(person=amara, role="reporting"))
        revision = story.save_revision(user=user("reporter"))
        if n == 1:
            story.get_workflow().start(story, user("reporter"))
        elif wait:
            revision.publish(user=user("editor"))


def home_as(client, username, query=""):
    assert client.login(username=username, password=STAFF_PASSWORD)
    response = client.get(f"/admin/{query}")
    assert response.status_code == 200
    return response.content.decode()


def stage_section(html, stage):
    """The HTML of one stage's part of the board."""
    pattern = rf'<section class="newsroom-stage" data-stage="{stage}".*?</section>'
    match = re.search(pattern, html, re.S)
    assert match, f"no {stage} stage on the board"
    return match.group(0)


def draft(username, section_slug, title, **fields):
    story = ArticlePageFactory(
        parent=section(section_slug), owner=user(username), live=False, title=title, **fields
    )
    story.save_revision(user=user(username))
    return story


def test_new_story_is_one_click_to_an_empty_story_in_each_of_the_writers_desks(client):
    html = home_as(client, "reporter")
    top_news, world, business = section("top-news"), section("world"), section("business")
    assert f'href="/admin/pages/add/articles/articlepage/{top_news.pk}/"' in html
    assert f'href="/admin/pages/add/articles/articlepage/{world.pk}/"' in html
    assert f"/admin/pages/add/articles/articlepage/{business.pk}/" not in html
    assert 'New story<span class="newsroom-new-story__desk"> in Top News' in html
    form = client.get(f"/admin/pages/add/articles/articlepage/{top_news.pk}/")
    assert form.status_code == 200
    assert b'name="title"' in form.content


def test_the_chief_may_start_a_story_on_every_desk(client):
    html = home_as(client, "chief")
    for slug in ("top-news", "world", "business"):
        assert f"/admin/pages/add/articles/articlepage/{section(slug).pk}/" in html


def test_the_board_shows_each_story_in_its_stage_with_its_details(client):
    pipeline()
    story = draft("reporter", "world", "Harbour board resigns")
    story.get_workflow().start(story, user("reporter"))
    html = home_as(client, "copyeditor")
    copy_edit = stage_section(html, "copy_edit")
    assert "Harbour board resigns" in copy_edit
    assert f'href="/admin/pages/{story.pk}/edit/"' in copy_edit
    assert "Riley Reporter" in copy_edit  # the author
    assert "World" in copy_edit  # the section
    # The pipeline's stories, each in its stage.
    assert "Unpublished draft: the harbour plan" in stage_section(html, "draft")
    assert "Unpublished in review: rail fares rise" in stage_section(html, "copy_edit")
    scheduled = stage_section(html, "scheduled")
    assert "Unpublished until next year: the budget" in scheduled
    assert re.search(r"<time datetime=\"[^\"]+\">\w{3} \d+ \w{3} \d\d:\d\d IST</time>", scheduled)
    assert "Unpublished under embargo: the audit report" in stage_section(html, "embargoed")
    assert "Amara Okafor" in stage_section(html, "embargoed")  # the byline


def test_generic_panels_give_way_and_awaiting_your_review_stays(client):
    story = draft("reporter", "top-news", "Ferry timetable changes")
    story.get_workflow().start(story, user("reporter"))
    html = home_as(client, "copyeditor")
    assert "Awaiting your review" in html
    assert f"/admin/pages/{story.pk}/edit/" in html
    assert "Your most recent edits" not in html
    assert "Your pages and snippets in a workflow" not in html
    assert html.index("New story") < html.index("Awaiting your review") < html.index("Desk board")


def test_the_board_moves_a_story_through_the_stages():
    story = draft("reporter", "top-news", "Bridge reopens")
    editor = user("editor")
    assert stage_of(story, editor) == "draft"
    story.get_workflow().start(story, user("reporter"))
    assert stage_of(story, editor) == "copy_edit"
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=user("copyeditor"))
    assert stage_of(story, editor) == "publish"
    story.refresh_from_db()
    story.current_workflow_state.current_task_state.approve(user=editor)
    assert stage_of(story, editor) == "today"
    story.refresh_from_db()
    story.unpublish(user=editor)
    assert stage_of(story, editor) == "pulled"


def stage_of(story, viewer):
    board = desk_board(viewer)
    found = [row["stage"] for rows in board.rows.values() for row in rows if row["id"] == story.pk]
    return found[0] if found else None


def test_the_desk_filter_shows_one_desk(client):
    draft("chief", "business", "Market closes higher")
    draft("chief", "top-news", "Council meets")
    business = section("business")
    html = home_as(client, "chief", f"?desk={business.pk}")
    board = html[html.index("Desk board") :]
    assert "Market closes higher" in board
    assert "Council meets" not in board
    assert 'aria-current="true">Business</a>' in html


def test_a_reporter_sees_no_colleagues_drafts_on_the_board():
    draft("editor", "top-news", "An editor's private draft")
    board = desk_board(user("reporter"))
    titles = [row["title"] for rows in board.rows.values() for row in rows]
    assert "An editor's private draft" not in titles


def test_the_board_makes_the_same_queries_for_three_stories_or_thirty(
    django_assert_num_queries,
):
    chief = user("chief")
    now = timezone.now()
    for n in range(3):
        draft("reporter", "top-news", f"Early story {n}")
    desk_board(chief, now)  # warm the content-type cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        small = desk_board(chief, now)
    for n in range(27):
        story = draft("reporter", "world", f"Later story {n}")
        if n % 3 == 0:
            story.get_workflow().start(story, user("reporter"))
    with django_assert_num_queries(len(few.captured_queries)):
        large = desk_board(chief, now + timedelta(seconds=1))
    assert large.total >= small.total + 27
    assert len(few.captured_queries) <= 5, [q["sql"][:80] for q in few.captured_queries]


def test_the_home_page_makes_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    assert client.login(username="editor", password=STAFF_PASSWORD)
    client.get("/admin/")
    with django_assert_max_num_queries(40):
        response = client.get("/admin/")
    assert response.status_code == 200


def test_awaiting_your_review_labels_each_step(client):
    story = draft("reporter", "top-news", "Ferry timetable changes")
    story.get_workflow().start(story, user("reporter"))
    html = home_as(client, "copyeditor")
    panel = html[html.index('id="awaiting-review-section"') :]
    row = panel[panel.index("Ferry timetable changes") :]
    tasks = re.search(r'<td class="tasks">(.*?)</td>', row, re.S).group(1)
    labels = re.findall(r'<span class="newsroom-step">([^<]*)</span>', tasks)
    names = [task.name for task in story.get_workflow().tasks]
    assert len(labels) == len(names) >= 2, tasks
    assert labels[0] == f"{names[0]}: In progress", labels
    assert all(label.startswith(name) for label, name in zip(labels, names, strict=True)), labels


def test_the_board_links_only_the_stories_the_viewer_may_open(client):
    """Issue 13: a contributor was offered live Business stories they may not edit."""
    live = ArticlePageFactory(
        parent=section("business"), title="Live business story", last_published_at=timezone.now()
    )
    own = draft("contributor", "business", "Casey's own draft")
    html = home_as(client, "contributor")
    board = html[html.index("Desk board") :]
    assert "Live business story" in board
    assert f"/admin/pages/{live.pk}/edit/" not in board
    assert f"/admin/pages/{own.pk}/edit/" in board
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_a_reporter_sees_the_stories_they_sent_or_are_bylined_on():
    """Issue 13: the reporter's board said "Draft 0, Copy edit 0" while the copy editor saw
    "in review: rail fares rise", sent by that reporter. Whoever sent a story, wrote its last
    revision or is on its byline sees it on the board (opening it stays up to Wagtail)."""
    pipeline()
    colleague = draft("editor", "world", "Bylined on a pulled story")
    colleague.bylines.add(ArticleByline(person=user("reporter").person, role="reporting"))
    colleague.save_revision(user=user("editor")).publish(user=user("editor"))
    colleague.refresh_from_db()
    colleague.unpublish(user=user("editor"))
    sent = draft("editor", "world", "Sent by the reporter")
    sent.save_revision(user=user("reporter"))
    sent.get_workflow().start(sent, user("reporter"))
    stages = {
        row["title"]: stage
        for stage, rows in desk_board(user("reporter")).rows.items()
        for row in rows
    }
    assert stages.get("Unpublished in review: rail fares rise") == "copy_edit", stages
    assert stages.get("Sent by the reporter") == "copy_edit", stages
    assert stages.get("Unpublished draft: the harbour plan") == "draft", stages
    assert stages.get("Bylined on a pulled story") == "pulled", stages
