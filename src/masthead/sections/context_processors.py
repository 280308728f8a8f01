from django.utils.functional import SimpleLazyObject

from masthead.reader.front import top_sections


def navigation(request):
    """The section navigation, looked up only when a template shows it."""
    return {"navigation": SimpleLazyObject(lambda: top_sections(request))}
