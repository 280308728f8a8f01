"""Uploaded files readers may not fetch directly: documents only through Wagtail's document view
(which checks their collection's privacy), image originals never; image renditions, which pages
show, are served as before."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

from masthead.demo.images import draw

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_document():
    legal = Collection.get_first_root_node().add_child(name="Legal desk")
    CollectionViewRestriction.objects.create(collection=legal, restriction_type="login")
    document = Document(title="Settlement draft", collection=legal)
    document.file.save("settlement-draft.txt", ContentFile(b"Confidential terms"), save=False)
    document.save()
    return document


def test_a_private_document_is_not_served_from_the_media_folder(client, private_document):
    name = private_document.file.name  # documents/settlement-draft....txt
    assert client.get(f"/media/{name}").status_code == 404
    assert private_document.url.startswith("/documents/")
    response = client.get(private_document.url)
    assert response.status_code == 302  # to the login, Wagtail's collection check
    assert "/_util/login/" in response["Location"]


def test_a_public_document_is_served_through_the_document_view(client):
    document = Document(title="Annual report")
    document.file.save("annual-report.txt", ContentFile(b"Public figures"), save=False)
    document.save()
    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Public figures"


def test_image_originals_are_not_served_but_renditions_are(client):
    image = Image(title="Unpublished scoop")
    image.file = ImageFile(ContentFile(draw("scoop"), name="scoop-photo.jpg"))
    image.save()
    original = image.file.name  # original_images/scoop-photo....jpg
    assert client.get(f"/media/{original}").status_code == 404
    rendition = image.get_rendition("width-200")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"  # a JPEG
    # No way around through the renditions' folder.
    for sneaky in (f"images/..%2F{original}", "images/../" + original, "images/.."):
        assert client.get(f"/media/{sneaky}").status_code == 404, sneaky
