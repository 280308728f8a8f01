"""An image's own description, offered as the defaults wherever it is used again.

Wagtail's image has a `description` (its default alt text, which Wagtail's own choosers and
ImageBlock already offer); the caption and credit live beside it, one row per image, as the image
model is Wagtail's own (no custom image model here). A story keeps its own copy of all three: the
defaults are only offered when the image is chosen (docs/newsroom.md, "Images").
"""

from django.db import models
from wagtail.images import get_image_model_string


class ImageDefaults(models.Model):
    image = models.OneToOneField(
        get_image_model_string(), on_delete=models.CASCADE, related_name="defaults"
    )
    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="e.g. Photo: Reuters")

    class Meta:
        verbose_name = "image defaults"
        verbose_name_plural = "image defaults"

    def __str__(self) -> str:
        return f"Defaults of image {self.image_id}"
