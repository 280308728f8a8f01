"""Media on S3-compatible object storage, against moto's S3 server on 127.0.0.1.

The real django-storages and boto3 client code talks HTTP to the server; the storages are the
ones settings/storage.py builds from the environment.
"""

import io
import tarfile
import urllib.error
import urllib.request

import boto3
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image, Rendition, get_rendition_storage
from wagtail.models import Collection, CollectionViewRestriction

from masthead.settings.storage import s3_storages
from tests.test_commands import free_port

BUCKET = "masthead-media"


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def object_storage(s3_server, monkeypatch, settings):
    """The settings that MASTHEAD_S3_* give, on an empty bucket of moto's server."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    client = boto3.client("s3", endpoint_url=s3_server)
    client.create_bucket(Bucket=BUCKET)
    environment = {"MASTHEAD_S3_BUCKET": BUCKET, "MASTHEAD_S3_ENDPOINT_URL": s3_server}
    with override_settings(
        STORAGES={**settings.STORAGES, **s3_storages(environment)},
        WAGTAILIMAGES_RENDITION_STORAGE="renditions",
        WAGTAILDOCS_SERVE_METHOD="serve_view",
    ):
        # The rendition field takes its storage when the model is defined, i.e. at start-up.
        field = Rendition._meta.get_field("file")
        started_with, field.storage = field.storage, get_rendition_storage()
        try:
            yield client
        finally:
            field.storage = started_with
            for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
                client.delete_object(Bucket=BUCKET, Key=item["Key"])
            client.delete_bucket(Bucket=BUCKET)


def fetch(url: str) -> tuple[int, bytes]:
    """What anyone on the internet gets at `url` (no credentials)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()


def jpeg(width: int, height: int) -> bytes:
    data = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(data, "JPEG")
    return data.getvalue()


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("s3-editor", "s3@example.org", "pw")
    client.force_login(user)
    return client


def keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"])


def test_images_go_to_the_bucket_renditions_public_originals_never(object_storage, editor):
    root = Collection.get_first_root_node()
    upload = SimpleUploadedFile("harbour.jpg", jpeg(640, 400), content_type="image/jpeg")
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Harbour", "file": upload, "collection": root.pk},
    )
    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get(title="Harbour")
    rendition = image.get_rendition("fill-160x100")

    stored = keys(object_storage)
    assert f"private/{image.file.name}" in stored
    assert f"public/{rendition.file.name}" in stored
    status, body = fetch(rendition.url)
    assert status == 200
    assert PILImage.open(io.BytesIO(body)).size == (160, 100)
    assert "Signature" not in rendition.url

    original = f"{object_storage.meta.endpoint_url}/{BUCKET}/private/{image.file.name}"
    assert fetch(original)[0] == 403  # not public
    assert "Signature=" in image.file.url  # the admin's link is signed and expires
    assert fetch(image.file.url) == (200, jpeg(640, 400))


def test_private_documents_are_never_public(object_storage, editor, client):
    legal = Collection.get_first_root_node().add_child(name="Legal")
    CollectionViewRestriction.objects.create(
        collection=legal, restriction_type=CollectionViewRestriction.LOGIN
    )
    upload = SimpleUploadedFile("contract.txt", b"Signed on the dotted line.\n")
    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Contract", "file": upload, "collection": legal.pk}
    )
    assert response.status_code == 302, response.content[:2000]
    document = Document.objects.get(title="Contract")
    assert f"private/{document.file.name}" in keys(object_storage)

    direct = f"{object_storage.meta.endpoint_url}/{BUCKET}/private/{document.file.name}"
    assert fetch(direct)[0] == 403
    served = editor.get(document.url)  # through the app, after Wagtail's privacy check
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"Signed on the dotted line.\n"

    client.logout()
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/_util/login/" in anonymous["Location"] or "login" in anonymous["Location"]
    assert BUCKET not in anonymous["Location"]


@pytest.mark.process  # `masthead backup` runs pg_dump on PostgreSQL
@pytest.mark.postgresql
def test_backup_reads_the_media_from_the_bucket(object_storage, db, tmp_path):
    image = Image.objects.create(title="Quay", file=SimpleUploadedFile("quay.jpg", jpeg(300, 200)))
    rendition = image.get_rendition("width-100")
    archive = tmp_path / "media.tar"
    call_command("backup", output=archive, stderr=io.StringIO(), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        original = tar.extractfile(f"media/{image.file.name}").read()
        copy = tar.extractfile(f"renditions/{rendition.file.name}").read()
    assert original == jpeg(300, 200)
    assert PILImage.open(io.BytesIO(copy)).size == (100, 66)
