"""Images described once and pasted copy split into blocks, through the story form as posted.

- The lead image's and an image block's alt text, caption and credit are kept on the image
  (Wagtail's description, masthead.images' caption and credit) and offered again
  (/admin/newsroom/image-defaults/<id>/); a second story's own words do not overwrite them.
- A first draft's paragraph block with quotes becomes paragraph and quote blocks; a "> " line
  without a speaker is refused on its block and nothing is lost; a published story is left alone.
- The writer's main button is Submit; the reviewer's is Approve.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.articles.models import ArticlePage
from masthead.images.models import ImageDefaults
from tests.factories import (
    STAFF_PASSWORD,
    ArticlePageFactory,
    ImageFactory,
    named_newsroom_staff,
    section_named,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff")]


@pytest.fixture
def staff(db):
    return named_newsroom_staff()


def add_url(slug="top-news"):
    return f"/admin/pages/add/articles/articlepage/{section_named(slug).pk}/"


def story_data(slug, body, **fields):
    person = get_user_model().objects.get(username="reporter").person
    return nested_form_data(
        {
            "title": "Night buses return",
            "slug": slug,
            "standfirst": "The council voted to run buses all night.",
            "credit_verb": "reports",
            "body": streamfield(body),
            "bylines": inline_formset([{"person": person.pk, "role": "author"}]),
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
            "tags": "",
            **fields,
        }
    )


def post_story(client, slug, body, **fields):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    return client.post(add_url(), story_data(slug, body, **fields))


def saved_body(slug):
    draft = ArticlePage.objects.get(slug=slug).get_latest_revision_as_object()
    return [(block.block_type, block.value) for block in draft.body]


def test_an_image_is_described_once_and_offered_again(client):
    lead, figure = ImageFactory(), ImageFactory()
    body = [
        ("paragraph", rich_text("<p>Text</p>")),
        (
            "image",
            {
                "image": figure.pk,
                "alt_text": "Passengers board at midnight",
                "caption": "Passengers board.",
                "credit": "Photo: Sam Lee",
            },
        ),
    ]
    response = post_story(
        client,
        "night-buses",
        body,
        lead_image=lead.pk,
        lead_image_alt="A night bus at the depot",
        lead_image_caption="The first night bus.",
        lead_image_credit="Photo: Ana Ruiz",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    offered = client.get(f"/admin/newsroom/image-defaults/{lead.pk}/").json()
    assert offered == {
        "alt_text": "A night bus at the depot",
        "caption": "The first night bus.",
        "credit": "Photo: Ana Ruiz",
    }
    assert client.get(f"/admin/newsroom/image-defaults/{figure.pk}/").json() == {
        "alt_text": "Passengers board at midnight",
        "caption": "Passengers board.",
        "credit": "Photo: Sam Lee",
    }
    # A second story words the lead image its own way: its copy, not the image's description.
    response = post_story(
        client,
        "night-buses-again",
        [("paragraph", rich_text("<p>More</p>"))],
        lead_image=lead.pk,
        lead_image_alt="Another wording",
        lead_image_caption="",
        lead_image_credit="Photo: Someone else",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lead.refresh_from_db()
    assert lead.description == "A night bus at the depot"
    assert ImageDefaults.objects.get(image=lead).credit == "Photo: Ana Ruiz"


def test_an_image_says_nothing_until_described_and_only_to_staff(client):
    image = ImageFactory()
    assert client.get(f"/admin/newsroom/image-defaults/{image.pk}/").status_code == 302  # login
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    answer = client.get(f"/admin/newsroom/image-defaults/{image.pk}/")
    assert answer.json() == {"alt_text": "", "caption": "", "credit": ""}
    assert client.get("/admin/newsroom/image-defaults/999999/").status_code == 404


def test_pasted_paragraphs_and_quotes_become_blocks(client):
    pasted = (
        "<p>The council voted on Tuesday.</p><p>The first routes start in May.</p>"
        "<p>“Night workers need a way home,” said Tahir Khan, a driver.</p>"
        "<p>The buses run every 30 minutes.</p>"
        "<p>&gt; Fares stay the same — Ana Ruiz</p>"
        "<p>“A line in quotation marks with nobody after it.”</p>"
    )
    response = post_story(client, "pasted", [("paragraph", rich_text(pasted))])
    assert response.status_code == 302, response.content.decode()[:2000]
    blocks = saved_body("pasted")
    assert [kind for kind, _ in blocks] == ["paragraph", "quote", "paragraph", "quote", "paragraph"]
    assert "The first routes start in May." in blocks[0][1].source
    assert dict(blocks[1][1]) == {
        "text": "Night workers need a way home",
        "verb": "said",
        "speaker": "Tahir Khan",
        "speaker_description": "a driver",
    }
    assert (blocks[3][1]["text"], blocks[3][1]["speaker"]) == ("Fares stay the same", "Ana Ruiz")
    assert "nobody after it" in blocks[4][1].source


def test_a_marked_quote_without_its_speaker_is_refused_on_its_block(client):
    pasted = "<p>The council voted.</p><p>&gt; Night workers need a way home</p>"
    response = post_story(client, "no-speaker", [("paragraph", rich_text(pasted))])
    assert response.status_code == 200
    html = response.content.decode()
    assert "This quote needs its speaker" in html
    assert "Night workers need a way home" in html  # what was typed is still there
    assert not ArticlePage.objects.filter(slug="no-speaker").exists()


def test_a_published_story_keeps_its_paragraphs(client):
    story = ArticlePageFactory(
        parent=section_named("top-news"),
        body=[("paragraph", "<p>“We will,” said Ana Ruiz.</p><p>More.</p>")],
        published=True,
    )
    assert client.login(username="editor", password=STAFF_PASSWORD)
    data = story_data(
        story.slug, [("paragraph", rich_text("<p>“We will,” said Ana Ruiz.</p><p>More.</p>"))]
    )
    data["title"] = story.title
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [kind for kind, _ in saved_body(story.slug)] == ["paragraph"]


def test_the_main_button_is_the_next_step(client):
    assert client.login(username="reporter", password=STAFF_PASSWORD)
    html = client.get(add_url()).content.decode()
    footer = html[html.index("actions--primary") :]
    assert footer.index('name="action-submit"') < footer.index("action-save")


def test_an_in_place_duplicate_upload_chooses_the_librarys_image_without_a_deleted_banner(
    client,
):
    """Issue 13: after uploading a picture the library already holds, the reporter's next page
    said "Image 'lead' deleted." The in-place upload answers with the library's image, in one
    request: the same picture chosen, no second copy kept, no deletion message."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    png = get_test_image_file("lead.png").file.getvalue()
    assert client.login(username="reporter", password=STAFF_PASSWORD)

    def upload():
        return client.post(
            "/admin/newsroom/images/upload/",
            {
                "image-chooser-upload-title": "lead",
                "image-chooser-upload-file": SimpleUploadedFile("lead.png", png),
            },
        ).json()

    first = upload()
    assert first["step"] == "chosen"
    again = upload()
    assert again["step"] == "chosen", again
    assert again["result"]["id"] == first["result"]["id"]
    library = list(get_image_model().objects.values_list("pk", flat=True))
    assert library == [int(first["result"]["id"])]
    home = client.get("/admin/").content.decode()
    assert "deleted" not in home.lower()


def test_an_in_place_upload_that_is_no_picture_says_why(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    assert client.login(username="reporter", password=STAFF_PASSWORD)
    answer = client.post(
        "/admin/newsroom/images/upload/",
        {
            "image-chooser-upload-title": "notes",
            "image-chooser-upload-file": SimpleUploadedFile("notes.png", b"not a picture"),
        },
    ).json()
    assert answer["step"] != "chosen"
    assert "valid image" in answer["htmlFragment"]
