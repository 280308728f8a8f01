"""Reading and keeping an image's defaults: alt text (Wagtail's `description`), caption, credit.

`remember` fills in only what the image does not say yet: the first description of an image is
kept, and a later story that words its caption differently changes its own copy, not the image's.
"""

from wagtail.images import get_image_model

from masthead.images.models import ImageDefaults

FIELDS = ("alt_text", "caption", "credit")


def defaults_of(image) -> dict:
    """{"alt_text", "caption", "credit"} of an image, "" where it says nothing."""
    row = ImageDefaults.objects.filter(image=image).first()
    return {
        "alt_text": image.description or "",
        "caption": row.caption if row else "",
        "credit": row.credit if row else "",
    }


def remember(image_id, alt_text: str = "", caption: str = "", credit: str = "") -> None:
    """Store what a story says of an image on the image, where the image says nothing yet."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return
    alt_text, caption, credit = (" ".join((v or "").split()) for v in (alt_text, caption, credit))
    if alt_text and not image.description:
        image.description = alt_text[: image._meta.get_field("description").max_length]
        image.save(update_fields=["description"])
    if not (caption or credit):
        return
    row, _ = ImageDefaults.objects.get_or_create(image=image)
    changed = []
    if caption and not row.caption:
        row.caption = caption[:500]
        changed.append("caption")
    if credit and not row.credit:
        row.credit = credit[:200]
        changed.append("credit")
    if changed:
        row.save(update_fields=changed)
