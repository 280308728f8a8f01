"""The story form's "Upload an image": Wagtail's own chooser upload, answering a duplicate with
the library's image.

Wagtail's chooser asks what to do with a duplicate ("Use existing and delete new" posts to the
image delete view, which queues "Image 'lead' deleted." for the writer's next page: after their
submit, about an image they never saw deleted). In place there is no dialog to ask in: the
library's copy (the same file, which knows its description) is chosen, and the new copy is
dropped in the same request, as its uploader may, with no message. One request, one answer: the
editor's script (static/newsroom/editor.js) has no second round trip to get wrong.
"""

from wagtail.images.views.chooser import ImageUploadView
from wagtail.images.views.chooser import viewset as image_chooser


class InPlaceUploadView(ImageUploadView):
    def render_duplicate_found_response(self, request, new_image, existing_image):
        if self.permission_policy.user_has_permission_for_instance(
            request.user, "delete", new_image
        ):
            new_image.delete()
        return self.get_chosen_response(existing_image)


def upload_view():
    """The view, made as Wagtail's image chooser makes its own upload view (same form, checks)."""
    return image_chooser.construct_view(InPlaceUploadView)
