"""Images described once: what a story says of its images is kept on them as their defaults.

After a story is saved from its form (draft, submit, publish), the lead image's alt text,
caption and credit and those of each image block are remembered on the image where it says
nothing yet (masthead.images.defaults). When an image is chosen or uploaded in the story form,
the editor's script (static/newsroom/editor.js) asks `image_defaults_json` for them and fills the
fields the writer has left empty.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from masthead.articles.models import ArticlePage
from masthead.images.defaults import defaults_of, remember


def remember_story_images(request, page) -> None:
    page = page.specific
    if not isinstance(page, ArticlePage):
        return
    if page.lead_image_id:
        remember(
            page.lead_image_id,
            page.lead_image_alt,
            page.lead_image_caption,
            page.lead_image_credit,
        )
    for block in page.body:
        if block.block_type != "image" or not block.value.get("image"):
            continue
        value = block.value
        remember(
            value["image"].pk, value.get("alt_text"), value.get("caption"), value.get("credit")
        )


def image_defaults_json(request, image_id):
    """{"alt_text", "caption", "credit"} of an image the user may choose."""
    policy = policy_registry.get_by_type(get_image_model())
    images = policy.instances_user_has_any_permission_for(request.user, ["choose"])
    image = get_object_or_404(images, pk=image_id)
    return JsonResponse(defaults_of(image))
