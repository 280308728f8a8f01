"""A rich-text link to a live story in a restricted section keeps its words but loses its
address on the story page and in the feeds, as "Also read" and the API already do; a link to a
public story keeps its address everywhere."""

import feedparser
import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, SectionPageFactory, publish
from tests.pages import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def linking_story(home):
    members = SectionPageFactory(parent=home, title="Members", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    secret = publish(ArticlePageFactory(parent=members, title="Members only", slug="secret-deal"))
    desk = SectionPageFactory(parent=home, title="Open desk", slug="open-desk")
    public = publish(ArticlePageFactory(parent=desk, title="Public target", slug="open-target"))
    body = (
        f'<p>Read <a linktype="page" id="{secret.pk}">the members story</a> and '
        f'<a linktype="page" id="{public.pk}">the public one</a>.</p>'
    )
    story = publish(
        ArticlePageFactory(parent=desk, title="Linking story", body=[("paragraph", body)])
    )
    return {"story": story, "secret": secret, "public": public}


def test_the_story_page_does_not_link_the_restricted_story(client, linking_story):
    page = parse(client.get(linking_story["story"].url))
    hrefs = page.xpath("//main//a/@href")
    assert not [href for href in hrefs if "secret-deal" in href]
    assert "/open-desk/open-target/" in hrefs
    assert "the members story" in "".join(page.xpath("//main//a[not(@href)]//text()"))


@pytest.mark.parametrize("feed", ["/open-desk/feed/", "/open-desk/feed/atom/", "/feed/"])
def test_the_feeds_do_not_link_the_restricted_story(client, linking_story, feed):
    parsed = feedparser.parse(client.get(feed).content)
    (entry,) = [e for e in parsed.entries if e.title == "Linking story"]
    body = entry.content[0].value
    assert "secret-deal" not in body
    assert "the members story" in body
    assert f'href="{settings.MASTHEAD_BASE_URL}/open-desk/open-target/"' in body
