"""Listings: the front page, section pages and the navigation."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from taggit.models import Tag
from wagtail.models import Site

from masthead.articles.queries import newest_first, public_pages, public_stories
from masthead.curation.services import dont_miss
from masthead.sections.models import SectionPage

SECTION_PAGE_SIZE = 20
TAG_PAGE_SIZE = 20
FRONT_PAGE_LATEST = 12


def top_sections(request):
    """The sections shown in the site's navigation, in the editors' tree order."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = _root_page(site, request)
    sections = SectionPage.objects.live().in_menu().child_of(root)
    return list(public_pages(sections, request).order_by("path"))


def _root_page(site, request):
    if not hasattr(request, "_masthead_root_page"):
        request._masthead_root_page = site.root_page
    return request._masthead_root_page


def front_page_context(home, request) -> dict:
    latest = list(newest_first(public_stories(request).descendant_of(home))[:FRONT_PAGE_LATEST])
    return {"latest": latest, "dont_miss": dont_miss(request)}


def paginate(items, request, per_page: int):
    """A page of `items` by `?page=N`; a page that is not a positive number or is out of range
    is a 404, never a 500."""
    raw = request.GET.get("page", "1")
    paginator = Paginator(items, per_page, allow_empty_first_page=True)
    try:
        return paginator.page(raw)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(f"There is no page {raw[:20]!r} of this listing.") from error


def section_page_context(section, request) -> dict:
    stories = newest_first(public_stories(request).descendant_of(section))
    return {"stories_page": paginate(stories, request, SECTION_PAGE_SIZE)}


def tag_page_context(slug, request) -> dict:
    """A tag's public stories; a tag that only drafts carry does not exist for readers."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is not None:
        stories = newest_first(public_stories(request).filter(tags__slug=slug))
        stories_page = paginate(stories, request, TAG_PAGE_SIZE)
        if stories_page.paginator.count:
            return {"tag": tag, "stories_page": stories_page}
    raise Http404(f"No stories are tagged {slug[:80]!r}.")
