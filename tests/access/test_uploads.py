"""Uploads in the editor: a request without the file is told so, never a server error."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import UserFactory

UPLOADS = {
    "/admin/images/multiple/add/": (get_image_model, "photo.png"),
    "/admin/documents/multiple/add/": (get_document_model, "notes.txt"),
}


def upload(name: str) -> SimpleUploadedFile:
    if not name.endswith(".png"):
        return SimpleUploadedFile(name, b"Minutes of the editorial meeting.")
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def editor(client, db):
    client.force_login(UserFactory(superuser=True))
    return client


@pytest.mark.parametrize("url", UPLOADS)
def test_an_upload_without_the_file_field_is_refused_with_a_message(editor, url):
    model, name = UPLOADS[url]
    before = model().objects.count()
    reply = editor.post(url, {"file": upload(name)})
    assert reply.status_code == 400
    assert "Choose a file to upload" in reply.json()["error_message"]
    assert model().objects.count() == before


@pytest.mark.parametrize("url", UPLOADS)
def test_an_upload_with_its_file_still_works(editor, url):
    model, name = UPLOADS[url]
    before = model().objects.count()
    reply = editor.post(url, {"files[]": upload(name)})
    assert reply.status_code == 200
    assert reply.json()["success"] is True
    assert model().objects.count() == before + 1
