"""The content API's tests: JSON helpers, and a newsroom with every kind of story readers may not
see."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.articles.models import ArticleByline
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory, publish

# A host the site accepts (ALLOWED_HOSTS) that is not the base URL's: no URL may come from it.
OTHER_HOST = "localhost"


def get(client, url, **headers):
    """GET as an API client would, from a host name other than the base URL's."""
    return client.get(url, HTTP_HOST=OTHER_HOST, **headers)


def get_json(client, url, status=200, **headers):
    response = get(client, url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.json()


def headlines(data) -> list[str]:
    return [story["headline"] for story in data["items"]]


def on_site(url: str) -> bool:
    return url.startswith(settings.MASTHEAD_BASE_URL + "/")


def recent(minutes_ago: int):
    return timezone.now() - timedelta(minutes=minutes_ago)


def bylined_story(parent, title, author, publish_it=True, **kwargs):
    """A tagged story with a byline, published through a revision as an editor does."""
    kwargs.setdefault("published_at", recent(60))
    page = ArticlePageFactory(parent=parent, title=title, **kwargs)
    page.tags.add("Shared tag")
    page.bylines.add(ArticleByline(person=author))
    page.save()
    return publish(page) if publish_it else page


@pytest.fixture
def desk(home):
    return SectionPageFactory(parent=home, title="Hidden Desk", slug="hidden-desk")


@pytest.fixture
def hidden_stories(home, desk):
    """One public story and, beside it, every kind of story no reader may see, all tagged and
    bylined alike, so that any list, filter or link that leaked would show them."""
    author = PersonFactory(name="Shared Byline", slug="shared-byline")
    public = bylined_story(desk, "Public story", author)
    draft = bylined_story(desk, "Draft story", author, publish_it=False, live=False)
    draft.save_revision()
    unpublished = bylined_story(desk, "Unpublished story", author)
    unpublished.unpublish()
    scheduled = bylined_story(
        desk, "Scheduled story", author, publish_it=False, live=False, go_live_at=recent(-600)
    )
    publish(scheduled)
    restricted = bylined_story(desk, "Restricted story", author)
    PageViewRestriction.objects.create(
        page=restricted, restriction_type="password", password="secret"
    )
    private_desk = SectionPageFactory(parent=home, title="Private desk", slug="private-desk")
    PageViewRestriction.objects.create(page=private_desk, restriction_type="login")
    in_private = bylined_story(private_desk, "Story in a private section", author)
    with_draft = bylined_story(desk, "Live headline", author)
    with_draft.title = "Draft headline of a live story"
    with_draft.save_revision()
    hidden = [draft, unpublished, scheduled, restricted, in_private]
    assert not scheduled.live and scheduled.go_live_at > timezone.now()
    return {
        "public": public,
        "live_with_draft": with_draft,
        "hidden": hidden,
        "hidden_titles": [page.title for page in hidden] + ["Draft headline of a live story"],
        "author": author,
        "desk": desk,
        "private_desk": private_desk,
    }
