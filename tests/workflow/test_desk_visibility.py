"""A desk sees only its own unpublished work: as a Business-desk contributor and as a reporter
(Top News and World), no admin surface shows a story they may not edit before it is live."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from masthead.articles.models import ArticlePage
from masthead.sections.models import SectionPage
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    section_named,
    unpublished_pipeline,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("newsroom")]

OTHER_DESK = "Business exclusive: the bank merger talks"
BODY = "Unpublished text for the demo"  # the demo pipeline's draft bodies


@pytest.fixture
def newsroom():
    """The newsroom's role accounts on their desks (Business; Top News and World), the pipeline
    in World, and a live story in Top News."""
    unpublished_pipeline(section_named("world"))
    ArticlePageFactory(
        parent=section_named("top-news"),
        title="54 killed in overnight airstrikes in Gaza",
        slug="54-killed-in-overnight-airstrikes-in-gaza",
        published=True,
    )


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def hidden():
    """The World desk's pipeline (a draft, one in review, one scheduled, one embargoed; one of
    them locked) and a Business draft: none of them editable by the contributor or reporter."""
    stories = list(ArticlePage.objects.filter(title__startswith="Unpublished", live=False))
    assert len(stories) == 4
    ArticlePage.objects.filter(pk=stories[0].pk).update(
        locked=True, locked_by=user("editor"), locked_at=timezone.now()
    )
    # The demo's reporter submitted the story in review and wrote revisions of the pipeline; here
    # a colleague did (the board shows a reporter the stories they sent or last revised).
    WorkflowState.objects.filter(object_id__in=[str(s.pk) for s in stories]).update(
        requested_by=user("copyeditor")
    )
    Revision.objects.filter(object_id__in=[str(s.pk) for s in stories]).update(
        user=user("copyeditor")
    )
    business = ArticlePageFactory(
        parent=SectionPage.objects.get(slug="business"), live=False, title=OTHER_DESK
    )
    business.save_revision(user=user("chief"))
    return [*stories, business]


@pytest.fixture
def own(request):
    username = request.param
    slug = "business" if username == "contributor" else "world"
    story = ArticlePageFactory(
        parent=SectionPage.objects.get(slug=slug),
        live=False,
        owner=user(username),
        title=f"Own draft of the {username}",
    )
    story.save_revision(user=user(username))
    return username, story


def surfaces(hidden, sections) -> list[str]:
    ids = [story.pk for story in hidden]
    urls = [
        "/admin/",
        "/admin/pages/search/?q=Unpublished",
        "/admin/pages/search/?q=merger",
        "/admin/choose-page/",
        "/admin/choose-page/search/?q=Unpublished",
        "/admin/choose-page/search/?q=merger",
        "/admin/api/main/pages/?search=Unpublished",
        "/admin/api/main/pages/?search=merger",
        "/admin/api/main/pages/?type=articles.ArticlePage&fields=body,standfirst&limit=500",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/workflows/list/",
        f"/admin/choose-page/chosen-multiple/?{'&'.join(f'id={pk}' for pk in ids)}",
    ]
    for section in sections:
        urls += [
            f"/admin/pages/{section.pk}/",
            f"/admin/choose-page/{section.pk}/",
            f"/admin/api/main/pages/?child_of={section.pk}&for_explorer=1",
        ]
    for pk in ids:
        urls += [
            f"/admin/api/main/pages/{pk}/",
            f"/admin/choose-page/{pk}/",
            f"/admin/pages/{pk}/",
            f"/admin/pages/{pk}/history/",
            f"/admin/pages/{pk}/workflow_history/",
            f"/admin/pages/{pk}/usage/",
        ]
    return urls


@pytest.mark.parametrize("own", ["contributor", "reporter"], indirect=True)
def test_no_admin_surface_shows_work_the_user_may_not_edit(client, hidden, own):
    username, own_story = own
    assert client.login(username=username, password=STAFF_PASSWORD)
    sections = SectionPage.objects.filter(slug__in=["business", "world", "top-news"])
    leaks = {}
    for url in surfaces(hidden, sections):
        body = client.get(url).content.decode()
        found = [story.title for story in hidden if story.title in body]
        found += ["a draft body"] if BODY in body else []
        if found:
            leaks[url] = found
    assert not leaks, f"{username} sees: {leaks}"


@pytest.mark.parametrize("own", ["contributor", "reporter"], indirect=True)
def test_the_user_still_finds_their_own_draft_and_live_stories(client, own):
    username, story = own
    assert client.login(username=username, password=STAFF_PASSWORD)
    parent = story.get_parent()
    assert story.title in client.get(f"/admin/pages/{parent.pk}/").content.decode()
    assert story.title in client.get("/admin/choose-page/search/?q=Own+draft").content.decode()
    api = client.get(f"/admin/api/main/pages/{story.pk}/").json()
    assert api["title"] == story.title
    live = ArticlePage.objects.live().get(slug="54-killed-in-overnight-airstrikes-in-gaza")
    assert live.title in client.get("/admin/choose-page/search/?q=airstrikes").content.decode()
