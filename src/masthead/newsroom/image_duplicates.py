"""An image uploaded in place that the library already holds: drop the new copy, quietly.

Wagtail's "Use existing and delete new" posts to the image delete view, which queues "Image
'lead' deleted." for the next page the writer opens: after their submit, about an image they
never saw deleted and that (the library's copy) is still on the story. The editor's script
(static/newsroom/editor.js) posts here instead: the same permission check, no message, then on
to the chooser's answer for the existing image (`next`).
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


@require_POST
def discard_duplicate(request, image_id):
    image = get_object_or_404(get_image_model(), pk=image_id)
    policy = policy_registry.get_by_type(get_image_model())
    if not policy.user_has_permission_for_instance(request.user, "delete", image):
        raise PermissionDenied
    image.delete()
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url) if next_url else HttpResponse(status=204)
