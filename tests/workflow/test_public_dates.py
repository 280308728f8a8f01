"""A story's public time never drifts: editing keeps its seconds; only a deliberate change moves
it, and that change is in the story's history."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from masthead.articles.history import PUBLIC_DATE_ACTION
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    newsroom_staff,
    publish,
    section_named,
)
from tests.workflow.editor_form import editor_form_data

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2026, 3, 2, 14, 28, 49, tzinfo=UTC)


@pytest.fixture
def story():
    page = ArticlePageFactory(parent=section_named("world"), live=False)
    page.published_at = PUBLISHED
    return publish(page)


def widget(value) -> str:
    """What the admin's publication-date widget holds and posts back: whole minutes."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def edit_and_publish(client, story, published_at: str):
    newsroom_staff()
    assert client.login(username="editor", password=STAFF_PASSWORD)
    data = {**editor_form_data(story), "published_at": published_at, "action-publish": "1"}
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    story.refresh_from_db()


def test_editing_a_published_story_keeps_its_public_time_to_the_second(client, story):
    assert story.published_at == PUBLISHED
    edit_and_publish(client, story, widget(PUBLISHED))
    assert story.published_at == PUBLISHED
    client.logout()
    api = client.get(f"/api/stories/{story.pk}/").json()
    assert datetime.fromisoformat(api["published_at"]) == PUBLISHED
    local = timezone.localtime(PUBLISHED).isoformat()  # 2026-03-02T19:58:49+05:30 in the tests
    assert f'"datePublished":"{local}"' in client.get(story.url).content.decode().replace(" ", "")
    assert not PageLogEntry.objects.filter(page=story, action=PUBLIC_DATE_ACTION).exists()


def test_a_deliberate_change_moves_it_and_is_logged(client, story):
    edit_and_publish(client, story, "2026-03-01 09:15")
    assert timezone.localtime(story.published_at).strftime("%Y-%m-%d %H:%M") == "2026-03-01 09:15"
    entry = PageLogEntry.objects.get(page=story, action=PUBLIC_DATE_ACTION)
    assert entry.user.username == "editor"
    assert "Publication date changed from 2026-03-02" in entry.message
