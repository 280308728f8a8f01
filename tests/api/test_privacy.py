"""Nothing readers may not see: drafts, unpublished, scheduled and view-restricted stories,
unpublished or private sections, and people's accounts appear nowhere in the API."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from masthead.articles.models import ArticleByline
from tests.api.conftest import get, get_json, headlines
from tests.factories import ArticlePageFactory, PersonFactory, SectionPageFactory, section_named

pytestmark = pytest.mark.django_db


def every_list(client, hidden_stories) -> dict[str, str]:
    """Every list a hidden story could leak into, by its URL, as raw JSON text."""
    author, desk = hidden_stories["author"], hidden_stories["desk"]
    urls = [
        "/api/stories/?limit=100",
        f"/api/stories/?section={desk.pk}&limit=100",
        "/api/stories/?section=hidden-desk",
        "/api/stories/?section=private-desk",
        f"/api/stories/?section={hidden_stories['private_desk'].pk}",
        "/api/stories/?tag=shared-tag",
        f"/api/stories/?author={author.slug}",
        "/api/stories/?published_after=2000-01-01T00:00:00Z",
        "/api/sections/?limit=100",
        "/api/tags/?limit=100",
        "/api/people/?limit=100",
    ]
    return {url: get(client, url).content.decode() for url in urls}


def test_hidden_stories_are_in_no_list_and_no_filter(client, hidden_stories):
    lists = every_list(client, hidden_stories)
    for url, text in lists.items():
        for title in hidden_stories["hidden_titles"]:
            assert title not in text, (title, url)
    assert "Public story" in lists["/api/stories/?tag=shared-tag"]
    assert "Live headline" in lists["/api/stories/?tag=shared-tag"]
    by_author = json.loads(lists[f"/api/stories/?author={hidden_stories['author'].slug}"])
    assert sorted(headlines(by_author)) == ["Live headline", "Public story"]
    assert json.loads(lists["/api/stories/?section=private-desk"])["count"] == 0
    assert "Private desk" not in lists["/api/sections/?limit=100"]


def test_a_hidden_story_is_the_same_404_as_a_missing_one(client, hidden_stories):
    missing = get(client, "/api/stories/2147483647/")
    assert missing.status_code == 404
    for page in hidden_stories["hidden"]:
        response = get(client, f"/api/stories/{page.pk}/")
        assert response.status_code == 404, page.title
        assert response.json() == missing.json()
    public = get_json(client, f"/api/stories/{hidden_stories['public'].pk}/")
    assert public["headline"] == "Public story"


def test_a_tag_only_hidden_stories_carry_is_not_listed(client, hidden_stories):
    for page in hidden_stories["hidden"]:
        page.tags.add("Secret tag")
        page.save()
    tags = get_json(client, "/api/tags/?limit=100")["items"]
    assert "secret-tag" not in [tag["slug"] for tag in tags]
    [shared] = [tag for tag in tags if tag["slug"] == "shared-tag"]
    assert shared["story_count"] == 2  # the public story and the live one with a draft


def test_also_read_and_links_to_hidden_stories_reveal_nothing(client, hidden_stories):
    hidden = hidden_stories["hidden"]
    links = "".join(
        f'<a linktype="page" id="{page.pk}">link {n}</a> ' for n, page in enumerate(hidden)
    )
    body = [("paragraph", f"<p>See {links}.</p>")] + [
        ("also_read", {"story": page, "label": "Also read"}) for page in hidden
    ]
    linking = ArticlePageFactory(parent=hidden_stories["desk"], title="Linking", body=body)
    data = get_json(client, f"/api/stories/{linking.pk}/")
    text = json.dumps(data, ensure_ascii=False)
    for page in hidden:
        assert page.title not in text and f"/{page.slug}/" not in text, page.title
    also_reads = [block["value"] for block in data["body"] if block["type"] == "also_read"]
    assert also_reads == [{"label": "Also read", "story": None}] * len(hidden)
    assert "href" not in data["body"][0]["value"] and "link 0" in data["body"][0]["value"]
    listed = get_json(client, "/api/stories/?tag=none-such&section=hidden-desk&limit=100")
    assert listed["items"] == []


def test_also_read_to_a_public_story_gives_its_id_and_url(client, hidden_stories):
    public = hidden_stories["public"]
    body = [("also_read", {"story": public, "label": "Read more"})]
    linking = ArticlePageFactory(parent=hidden_stories["desk"], title="Linking", body=body)
    [block] = get_json(client, f"/api/stories/{linking.pk}/")["body"]
    assert block["value"]["label"] == "Read more"
    assert block["value"]["story"]["id"] == public.pk
    assert block["value"]["story"]["url"].endswith(public.url)


def test_unpublished_and_private_sections_are_not_served(client, home):
    section_named("top-news")
    section_named("asia", parent=section_named("world"))
    draft = SectionPageFactory(parent=home, title="Draft desk", slug="draft-desk", live=False)
    private = SectionPageFactory(parent=home, title="Closed desk", slug="closed-desk")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    inner = SectionPageFactory(parent=private, title="Inner desk", slug="inner-desk")
    text = get(client, "/api/sections/?limit=100").content.decode()
    for section in (draft, private, inner):
        assert section.title not in text
        assert get(client, f"/api/sections/{section.pk}/").status_code == 404
    sections = {s["slug"]: s for s in get_json(client, "/api/sections/?limit=100")["items"]}
    assert sections["top-news"]["parent"] is None
    assert sections["asia"]["parent"] == sections["world"]["id"]
    assert sections["asia"]["path"] == "world/asia"
    assert get_json(client, f"/api/sections/{sections['asia']['id']}/") == sections["asia"]


def test_people_carry_no_account_data(client, hidden_stories):
    user = get_user_model().objects.create_user(
        "staffer", email="staffer.private@example.org", password="not-public-1234"
    )
    person = PersonFactory(name="Staff Writer", slug="staff-writer", user=user)
    story = hidden_stories["public"]
    ArticleByline.objects.create(page=story, person=person, role="reporting")
    outputs = [
        get(client, url).content.decode()
        for url in (
            "/api/people/?limit=100",
            "/api/people/staff-writer/",
            f"/api/stories/{story.pk}/",
            "/api/stories/?author=staff-writer",
            "/api/stories/?limit=100",
        )
    ]
    for text in outputs:
        assert "staffer.private@example.org" not in text
        assert "example.org" not in text
        assert '"staffer"' not in text and "password" not in text
    assert "Staff Writer" in outputs[2] and "Staff Writer" in outputs[3]
    data = get_json(client, "/api/people/staff-writer/")
    assert set(data) == {"name", "slug", "kind", "job_title", "bio", "website", "url", "photo"}
    assert data["url"].endswith("/authors/staff-writer/")
