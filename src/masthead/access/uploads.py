"""Wagtail's multiple-upload views for images and documents, answering a request without the
file they expect with a 400 and a message (Wagtail's own views raise a KeyError, a 500, when
the request carries a file under another name)."""

from django.http import JsonResponse
from wagtail.documents.views import multiple as documents
from wagtail.images.views import multiple as images

FILE_FIELD = "files[]"
NO_FILE = "Choose a file to upload: the request carried no file in the “files[]” field."


class FileRequired:
    def post(self, request):
        if FILE_FIELD not in request.FILES:
            return JsonResponse({"success": False, "error_message": NO_FILE}, status=400)
        return super().post(request)


class ImageUploadView(FileRequired, images.AddView):
    pass


class DocumentUploadView(FileRequired, documents.AddView):
    pass
