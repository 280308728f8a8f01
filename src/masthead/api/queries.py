"""The content API's queries: what each endpoint lists or shows, and only what readers may see.

Every story query starts from `masthead.articles.queries.public_stories(request)` (live, outside
view-restricted sections); sections are live and public; people carry no account data.
"""

from urllib.parse import urlencode

from django.db.models import Count
from django.http import Http404
from taggit.models import Tag

from masthead.api.links import PageUrls
from masthead.api.params import MAX_ID, MAX_OFFSET, Pagination, StoryFilters, lookup_slug
from masthead.api.representations import (
    SectionRepresentation,
    StoryRepresentation,
    person_representation,
    tag_representation,
)
from masthead.articles.queries import (
    credited_people,
    crediting,
    newest_first,
    public_stories,
    with_lead_images,
)
from masthead.core.links import absolute_url
from masthead.core.visibility import public_pages
from masthead.sections.models import SectionPage

# Stories ---------------------------------------------------------------------------------------


def _with_story_relations(queryset):
    """Bodies (public_stories defers them), credits, lead images and their renditions."""
    return with_lead_images(queryset.defer(None).select_related("credit_organisation"))


def public_sections(request):
    return public_pages(SectionPage.objects.live(), request)


def find_section(value: str, request) -> SectionPage | None:
    """A public section by id, by its path of slugs (world/asia) or by a slug only it has."""
    text = value.strip("/")
    if text.isascii() and text.isdigit() and int(text) <= MAX_ID:
        section = public_sections(request).filter(pk=int(text)).first()
        if section is not None:
            return section
    slugs = text.split("/")
    if not all(lookup_slug(slug) for slug in slugs):
        return None
    candidates = list(public_sections(request).filter(slug=slugs[-1]).order_by("path"))
    urls = PageUrls()
    wanted = "/" + "/".join(slugs) + "/"
    exact = [section for section in candidates if urls.path(section) == wanted]
    if exact:
        return exact[0]
    return candidates[0] if len(slugs) == 1 and len(candidates) == 1 else None


def filtered_stories(filters: StoryFilters, request):
    stories = public_stories(request)
    if filters.section is not None:
        section = find_section(filters.section, request)
        stories = stories.descendant_of(section) if section else stories.none()
    if filters.tag is not None:
        slug = lookup_slug(filters.tag)
        stories = stories.filter(tags__slug=slug) if slug else stories.none()
    if filters.author is not None:
        slug = lookup_slug(filters.author)
        stories = crediting(stories, slug=slug) if slug else stories.none()
    if filters.published_after is not None:
        stories = stories.filter(published_at__gt=filters.published_after)
    if filters.published_before is not None:
        stories = stories.filter(published_at__lt=filters.published_before)
    return newest_first(stories)


def story_list(filters: StoryFilters, request) -> dict:
    stories = _with_story_relations(filtered_stories(filters, request))
    page = list_page(stories, filters, request, filters.query_string_items())
    represent = StoryRepresentation(page["items"], request)
    page["items"] = [represent(story) for story in page["items"]]
    return page


def story_detail(story_id: int, request) -> dict:
    stories = list(_with_story_relations(public_stories(request).filter(pk=story_id)))
    if not stories:
        raise Http404(f"There is no public story with the id {story_id}.")
    return StoryRepresentation(stories, request)(stories[0])


# Sections, people, tags ------------------------------------------------------------------------


def section_list(pagination: Pagination, request) -> dict:
    page = list_page(public_sections(request).order_by("path"), pagination, request)
    represent = SectionRepresentation(page["items"], request)
    page["items"] = [represent(section) for section in page["items"]]
    return page


def section_detail(section_id: int, request) -> dict:
    section = public_sections(request).filter(pk=section_id).first()
    if section is None:
        raise Http404(f"There is no public section with the id {section_id}.")
    return SectionRepresentation([section], request)(section)


def _people(request):
    """People and organisations that public stories credit, with their photos."""
    people = credited_people(request)
    return people.select_related("photo").prefetch_related("photo__renditions")


def people_list(pagination: Pagination, request) -> dict:
    page = list_page(_people(request).order_by("name", "pk"), pagination, request)
    page["items"] = [person_representation(person) for person in page["items"]]
    return page


def person_detail(slug: str, request) -> dict:
    lookup = lookup_slug(slug)
    person = _people(request).filter(slug=lookup).first() if lookup else None
    if person is None:
        raise Http404(f"There is no author or contributor with the slug {slug[:80]!r}.")
    return person_representation(person)


def public_tags(request):
    """Tags that at least one public story carries, with how many do."""
    items = "articles_articletag_items"
    public = public_stories(request).values("pk")
    return (
        Tag.objects.filter(**{f"{items}__content_object__in": public})
        .exclude(slug="")  # no address (masthead.articles.tags repairs such slugs)
        .annotate(story_count=Count(items, distinct=True))
        .order_by("name", "pk")
    )


def tag_list(pagination: Pagination, request) -> dict:
    page = list_page(public_tags(request), pagination, request)
    page["items"] = [tag_representation(tag) for tag in page["items"]]
    return page


# Pages of lists --------------------------------------------------------------------------------


def list_page(queryset, pagination: Pagination, request, filters: dict | None = None) -> dict:
    """One page of `queryset` with the total and the absolute links to its neighbours."""
    limit, offset = pagination.limit, pagination.offset
    count = queryset.count()
    items = list(queryset[offset : offset + limit])

    def link(to_offset: int) -> str:
        query = urlencode({**(filters or {}), "limit": limit, "offset": to_offset})
        return absolute_url(f"{request.path}?{query}")

    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": link(offset + limit) if offset + limit < min(count, MAX_OFFSET + 1) else None,
        "previous": link(max(0, offset - limit)) if offset > 0 else None,
        "items": items,
    }
