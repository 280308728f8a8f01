"""Every API endpoint answers with a small, fixed number of SQL queries: the same with ten stories
(or people) as with sixty, bylines, tags, sections, lead images, body images, "also read" links
and paragraph links included."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from masthead.articles.models import ArticleByline, ArticleTag
from tests.factories import ArticlePageFactory, ImageFactory, PersonFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

# The stories list: count, stories (with credits and lead images), lead image renditions,
# bylines, tags, sections, body images and their renditions, "also read" stories, pages linked
# from paragraphs. One story is the same less the count. (The view restrictions are read once
# per process.)
EXPECTED = {
    "stories": 10,
    "stories by section": 11,  # + the section
    "stories by tag": 10,
    "stories by author": 10,
    "story": 9,
    "sections": 3,  # count, sections, their parents
    "section": 2,
    "people": 3,  # count, people with photos, the photos' renditions
    "person": 2,
    "tags": 2,  # count, tags with their story counts
}


def queries_to_answer(client, url) -> list[str]:
    client.get(url)  # warm the per-process caches (site root paths, renditions), as a server has
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return [query["sql"][:160] for query in captured.captured_queries]


def body(image, linked) -> list:
    return [
        ("heading", "A heading"),
        ("paragraph", f'<p>See <a linktype="page" id="{linked.pk}">the other story</a>.</p>'),
        ("quote", {"text": "Words", "verb": "said", "speaker": "Someone"}),
        ("image", {"image": image, "alt_text": "A chart", "caption": "", "credit": ""}),
        ("also_read", {"story": linked, "label": "Also read"}),
    ]


def build_newsroom(home, stories: int) -> dict:
    """A section of stories, each by its own author, all tagged, with rich bodies; every fifth
    story has a lead image and every fifth author a photo."""
    section = SectionPageFactory(parent=home, title="Busy", slug="busy")
    SectionPageFactory(parent=section, title="Busier", slug="busier")
    image = ImageFactory()
    linked = ArticlePageFactory(parent=section)
    authors, pages = [], []
    for n in range(stories):
        authors.append(
            PersonFactory(name=f"Writer {n}", slug=f"writer-{n}", photo=image if n % 5 else None)
        )
        pages.append(
            ArticlePageFactory(
                parent=section,
                lead_image=image if n % 5 == 0 else None,
                body=body(image, linked),
            )
        )
    tag = Tag.objects.create(name="Busy tag", slug="busy-tag")
    ArticleTag.objects.bulk_create(ArticleTag(content_object=page, tag=tag) for page in pages)
    ArticleByline.objects.bulk_create(
        ArticleByline(page=page, person=author) for page, author in zip(pages, authors, strict=True)
    )
    ArticleByline.objects.bulk_create(ArticleByline(page=page, person=authors[0]) for page in pages)
    return {
        "stories": "/api/stories/?limit=100",
        "stories by section": "/api/stories/?section=busy&limit=100",
        "stories by tag": "/api/stories/?tag=busy-tag&limit=100",
        "stories by author": "/api/stories/?author=writer-0&limit=100",
        "story": f"/api/stories/{pages[len(pages) // 2].pk}/",
        "sections": "/api/sections/?limit=100",
        "section": f"/api/sections/{section.pk}/",
        "people": "/api/people/?limit=100",
        "person": "/api/people/writer-1/",
        "tags": "/api/tags/?limit=100",
    }


@pytest.mark.parametrize("stories", [10, 60])
def test_every_endpoint_answers_with_a_fixed_number_of_queries(client, home, stories):
    urls = build_newsroom(home, stories)
    assert len(client.get(urls["stories by section"]).json()["items"]) == stories + 1
    counts = {endpoint: queries_to_answer(client, url) for endpoint, url in urls.items()}
    wrong = {
        endpoint: "\n  ".join(queries)
        for endpoint, queries in counts.items()
        if len(queries) != EXPECTED[endpoint]
    }
    assert not wrong, "\n".join(
        f"{endpoint}: {len(counts[endpoint])} queries, expected {EXPECTED[endpoint]}:\n  {sql}"
        for endpoint, sql in wrong.items()
    )
