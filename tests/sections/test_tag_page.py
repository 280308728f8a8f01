import pytest

from tests.factories import ArticlePageFactory, publish, section_named
from tests.pages import parse, visible_text

pytestmark = pytest.mark.django_db


def test_a_tag_page_lists_its_public_stories_newest_first(client):
    for title, slug in [
        ("Inflation jumps to 28 in Pakistan", "business"),
        ("Pakistan Quietly Greenlights Security Pact with US", "top-news"),
        ("China’s gift to Pak a gambit in Indian Ocean", "opinion"),
    ]:
        ArticlePageFactory(
            parent=section_named(slug), title=title, tags=["Pakistan"], published=True
        )
    ArticlePageFactory(title="Unpublished draft", tags=["Pakistan"], live=False)
    ArticlePageFactory(title="Another tag", tags=["Economy"], published=True)
    page = parse(client.get("/tags/pakistan/"))
    assert visible_text(page.xpath("//h1")[0]) == "Pakistan"
    assert [visible_text(h) for h in page.xpath("//main//ol//h2")] == [
        "China’s gift to Pak a gambit in Indian Ocean",
        "Pakistan Quietly Greenlights Security Pact with US",
        "Inflation jumps to 28 in Pakistan",
    ]


def test_story_tags_link_to_their_tag_pages(client):
    tags = ["Pakistan", "United States", "Security"]
    url = ArticlePageFactory(parent=section_named("top-news"), tags=tags, published=True).url
    story = parse(client.get(url))
    tag_links = story.xpath("//a[@rel='tag']")
    assert [(visible_text(a), a.get("href")) for a in tag_links] == [
        ("Pakistan", "/tags/pakistan/"),
        ("Security", "/tags/security/"),
        ("United States", "/tags/united-states/"),
    ]
    for link in tag_links:
        assert client.get(link.get("href")).status_code == 200


def test_a_tag_only_drafts_carry_is_not_found(client):
    section = section_named("business")
    draft = ArticlePageFactory(parent=section, live=False)
    draft.tags.add("Unannounced merger")
    draft.save_revision()
    assert client.get("/tags/unannounced-merger/").status_code == 404


def test_an_unknown_tag_is_not_found(client):
    response = client.get("/tags/no-such-tag/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_a_tag_page_leaves_out_unpublished_stories(client):
    section = section_named("business")
    ArticlePageFactory(parent=section, title="Stays", tags=["Pakistan"], published=True)
    story = publish(ArticlePageFactory(parent=section, title="Pulled later"))
    story.tags.add("Pakistan")
    publish(story)
    assert "Pulled later" in visible_text(parse(client.get("/tags/pakistan/")))
    story.unpublish()
    assert "Pulled later" not in visible_text(parse(client.get("/tags/pakistan/")))
    assert "Stays" in visible_text(parse(client.get("/tags/pakistan/")))
