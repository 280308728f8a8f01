import pytest

from tests.factories import ArticlePageFactory, publish, section_named

pytestmark = pytest.mark.django_db


def test_a_pulled_story_answers_410_gone(client):
    story = publish(ArticlePageFactory(parent=section_named("world")))
    url = story.url
    assert client.get(url).status_code == 200
    story.unpublish()
    response = client.get(url)
    assert response.status_code == 410
    assert b"This story has been removed" in response.content


def test_a_story_never_published_is_simply_not_found(client):
    story = ArticlePageFactory(parent=section_named("world"), live=False)
    assert client.get(f"/world/{story.slug}/").status_code == 404


def test_an_address_that_never_existed_is_not_found(client):
    response = client.get("/world/never-was/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
