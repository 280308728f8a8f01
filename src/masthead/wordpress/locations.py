"""Where an imported WordPress object lives now: the path a reader is sent to."""

from django.urls import reverse
from wagtail.models import Page

from masthead.wordpress.models import ImportedObject

KINDS = {
    "p": ("post", "page", "attachment"),
    "page_id": ("page", "post"),
    "attachment_id": ("attachment",),
    "cat": ("category",),
    "author": ("author",),
}


def location_of(parameter: str, wp_id: int) -> str | None:
    """The new path of the object `?<parameter>=<wp_id>` named, or None where the import
    brought in no such object (or it is not public)."""
    for kind in KINDS[parameter]:
        row = ImportedObject.objects.filter(kind=kind, wp_id=wp_id).order_by("-pk").first()
        if row is None or row.object_id is None:
            continue
        if kind in {"post", "page", "category"}:
            page = Page.objects.live().filter(pk=row.object_id).first()
            if page is not None:
                return page.url
        elif kind == "author":
            from masthead.people.models import Person

            person = Person.objects.filter(pk=row.object_id).first()
            if person is not None:
                return reverse("author", kwargs={"slug": person.slug})
        elif kind == "attachment":
            parent = row.data.get("parent")
            if parent:
                return location_of("p", parent)
    return None
