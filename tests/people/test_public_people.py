"""Someone credited only on stories readers cannot see (a draft, a restricted section) has no
public profile anywhere: no author page, no feed, not in the API or the sitemap; their first
public story makes them public everywhere."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    ArticlePageFactory,
    PersonFactory,
    SectionPageFactory,
    publish,
    section_named,
)

pytestmark = pytest.mark.django_db

SURFACES = [
    "/authors/{slug}/",
    "/authors/{slug}/feed/",
    "/authors/{slug}/feed/atom/",
    "/api/people/{slug}/",
]


def in_api_list(client, slug) -> bool:
    people = client.get("/api/people/?limit=100").json()["items"]
    return slug in [person["slug"] for person in people]


def in_sitemap(client, slug) -> bool:
    return f"/authors/{slug}/" in client.get("/sitemap-authors.xml").content.decode()


@pytest.fixture
def draft_writer():
    writer = PersonFactory(name="Dana Draftonly", slug="dana-draftonly")
    agency = PersonFactory(name="Unseen Agency", slug="unseen-agency", kind="organisation")
    section = section_named("business")
    story = ArticlePageFactory(
        parent=section, title="Still a draft", live=False, credit_organisation=agency
    )
    story.bylines.create(person=writer, role="author")
    story.save_revision()
    return {"writer": writer, "agency": agency, "story": story}


def test_people_credited_only_on_a_draft_are_not_public(client, draft_writer):
    for person in (draft_writer["writer"], draft_writer["agency"]):
        for surface in SURFACES:
            url = surface.format(slug=person.slug)
            assert client.get(url).status_code == 404, url
        assert not in_api_list(client, person.slug)
        assert not in_sitemap(client, person.slug)


def test_their_first_public_story_makes_them_public(client, draft_writer):
    publish(draft_writer["story"])
    for person in (draft_writer["writer"], draft_writer["agency"]):
        for surface in SURFACES:
            url = surface.format(slug=person.slug)
            assert client.get(url).status_code == 200, url
        assert in_api_list(client, person.slug)
        assert in_sitemap(client, person.slug)
    assert "Still a draft" in client.get("/authors/dana-draftonly/").content.decode()


def test_a_credit_in_a_restricted_section_does_not_make_someone_public(client, home):
    insider = PersonFactory(name="Ina Insider", slug="ina-insider")
    desk = SectionPageFactory(parent=home, title="Members", slug="members")
    PageViewRestriction.objects.create(page=desk, restriction_type="login")
    story = publish(ArticlePageFactory(parent=desk, title="Members only"))
    story.bylines.create(person=insider, role="author")
    publish(story)
    for surface in SURFACES:
        assert client.get(surface.format(slug="ina-insider")).status_code == 404, surface
    assert not in_api_list(client, "ina-insider")
