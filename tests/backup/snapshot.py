"""Content for the backup round trip, run in a fresh process against a MASTHEAD_HOME:

python -m tests.backup.snapshot populate   # stories, revisions, images, a document, settings
python -m tests.backup.snapshot dump       # every row of those, and each file's bytes, as JSON
"""

import hashlib
import io
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
django.setup()

from django.core import serializers  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.documents.models import Document  # noqa: E402
from wagtail.images.models import Image, Rendition  # noqa: E402
from wagtail.models import Collection, CollectionViewRestriction, Page, Revision, Site  # noqa: E402

from masthead.articles.models import ArticlePage  # noqa: E402
from masthead.core.models import SiteSettings  # noqa: E402
from tests.factories import ArticlePageFactory, SectionPageFactory, publish  # noqa: E402


def picture(colour: str) -> ImageFile:
    data = io.BytesIO()
    PILImage.new("RGB", (320, 200), colour).save(data, "JPEG")
    return ImageFile(data, name=f"{colour}.jpg")


def populate() -> None:
    home = Site.objects.get(is_default_site=True).root_page
    section = publish(home.add_child(instance=SectionPageFactory.build(title="Backups")))
    for number, colour in enumerate(["red", "green", "blue"]):
        image = Image.objects.create(title=f"Picture {colour}", file=picture(colour))
        image.get_rendition("fill-160x100")
        story = section.add_child(instance=ArticlePageFactory.build(lead_image=image))
        publish(story)
        story.title = f"Corrected story {number}"
        publish(story)
        story.title = f"Draft of story {number}"
        story.save_revision()  # an unpublished third revision
    private = Collection.get_first_root_node().add_child(name="Legal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    upload = SimpleUploadedFile("contract.txt", b"Signed on the dotted line.\n")
    Document.objects.create(title="Contract", file=upload, collection=private)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.tagline = "News you can restore"
    settings.save()


def file_digest(field) -> str:
    with field.storage.open(field.name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def dump() -> dict:
    models = [Page, ArticlePage, Revision, Image, Rendition, Document, Collection, SiteSettings]
    rows = {
        model._meta.label: json.loads(serializers.serialize("json", model.objects.order_by("pk")))
        for model in models
    }
    files = {
        item.file.name: file_digest(item.file)
        for model in (Image, Rendition, Document)
        for item in model.objects.all()
    }
    return {"rows": rows, "files": files}


if __name__ == "__main__":
    if sys.argv[1] == "populate":
        populate()
    else:
        json.dump(dump(), sys.stdout, sort_keys=True)
