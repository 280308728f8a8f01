"""The content API's endpoints: thin, GET only; the work is in masthead.api.queries."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Path, Query

from masthead.api import queries, schemas
from masthead.api.caching import cacheable, cacheable_view
from masthead.api.params import MAX_ID, Pagination, StoryFilters, StrictInt
from masthead.core.links import absolute_url

DESCRIPTION = """\
Masthead's read-only content API: the newsroom's public stories, sections, people and tags.

Only what readers may see is here: live stories outside view-restricted sections, live public
sections, and people's public profiles. Lists are paginated with `limit` (1 to 100) and
`offset`, newest story first. Every answer carries an `ETag` (send it back in `If-None-Match`
for a 304) and `Cache-Control: public, max-age=60`. Invalid parameters are answered with 422 and
a JSON list of the problems; missing or non-public items with 404 and a JSON `detail`.
"""

ERRORS = {404: schemas.Error, 422: schemas.ValidationErrors}
CACHE_HEADERS = {
    "ETag": {"description": "A hash of the body.", "schema": {"type": "string"}},
    "Cache-Control": {"description": "public, max-age=60", "schema": {"type": "string"}},
}
DOCUMENTED_HEADERS = {"responses": {200: {"headers": CACHE_HEADERS}}}
NOT_MODIFIED = {304: None}


class ContentAPI(NinjaAPI):
    """django-ninja, with HTTP caching on every answer, errors included."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        return cacheable(request, response)


api = ContentAPI(
    title="Masthead content API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="masthead-api",
    docs_url=None,  # no Swagger UI: it would load its assets from a CDN
    docs_decorator=cacheable_view,  # the OpenAPI document is cacheable too
    servers=[{"url": "/"}],  # relative: tools call the server they fetched the document from
)

StoryId = Path[StrictInt, {"ge": 1, "le": MAX_ID, "description": "The story's page id."}]
SectionId = Path[StrictInt, {"ge": 1, "le": MAX_ID, "description": "The section's page id."}]
PersonSlug = Path[str, {"max_length": 200, "description": "The person's slug."}]


def operation(response_schema):
    return {
        "response": {200: response_schema, **NOT_MODIFIED, **ERRORS},
        "openapi_extra": DOCUMENTED_HEADERS,
    }


@api.get("/stories/", tags=["stories"], **operation(schemas.StoryList))
def list_stories(request, filters: Query[StoryFilters]):
    """Public stories, newest first (by the public date, then by id)."""
    return queries.story_list(filters, request)


@api.get("/stories/{id}/", tags=["stories"], **operation(schemas.Story))
def get_story(request, id: StoryId):
    """One public story by its page id; one that is not public is the same 404 as a missing one."""
    return queries.story_detail(id, request)


@api.get("/sections/", tags=["sections"], **operation(schemas.SectionList))
def list_sections(request, pagination: Query[Pagination]):
    """Live, public sections in the editors' tree order."""
    return queries.section_list(pagination, request)


@api.get("/sections/{id}/", tags=["sections"], **operation(schemas.Section))
def get_section(request, id: SectionId):
    return queries.section_detail(id, request)


@api.get("/people/", tags=["people"], **operation(schemas.PersonList))
def list_people(request, pagination: Query[Pagination]):
    """People and organisations credited on public stories, by name."""
    return queries.people_list(pagination, request)


@api.get("/people/{slug}/", tags=["people"], **operation(schemas.Person))
def get_person(request, slug: PersonSlug):
    return queries.person_detail(slug, request)


@api.get("/tags/", tags=["tags"], **operation(schemas.TagList))
def list_tags(request, pagination: Query[Pagination]):
    """Tags carried by at least one public story, by name, with how many carry each."""
    return queries.tag_list(pagination, request)


@csrf_exempt
def index(request):
    """/api/: where things are."""
    links = {
        name: absolute_url(f"{request.path}{name}/")
        for name in ("stories", "sections", "people", "tags")
    }
    links["openapi"] = absolute_url(f"{request.path}openapi.json")
    return cacheable(request, JsonResponse(links))


@csrf_exempt
def not_found(request, *args, **kwargs):
    """Any other address under /api/: a JSON 404, not the reader site's HTML page; a known
    address without its trailing slash redirects to it, as APPEND_SLASH does on the site."""
    del args, kwargs
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return cacheable(request, JsonResponse({"detail": "Not Found"}, status=404))
