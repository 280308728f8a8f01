"""The pages that list stories, newest first, a page at a time: a section, a tag, an author.

Each reads its page of stories off the archive's memberships of its list (`articles.lists`):
the ids from the list's index, then those stories with their lead images, in one query; its
count is the list's stored total. Readers all see the same public stories (core.visibility)."""

from django.http import Http404
from taggit.models import Tag

from masthead.articles import archive
from masthead.articles.lists import ArchiveList
from masthead.articles.queries import public_stories, with_lead_images
from masthead.core.pagination import paginate
from masthead.pagecache import deps
from masthead.people.models import Person

SECTION_PAGE_SIZE = 20
TAG_PAGE_SIZE = 20
AUTHOR_PAGE_SIZE = 20


def listed(kind: str, ref: int, request) -> ArchiveList:
    """The public stories of the list of `kind` and `ref`, newest first, with their lead images."""
    return ArchiveList(kind, ref, with_lead_images(public_stories(request)))


def author_page_context(slug, request) -> dict:
    """A person's profile and stories; one credited on no public story is not found, with no
    query more than the page needs (its list's count tells)."""
    people = Person.objects.select_related("photo").prefetch_related("photo__renditions")
    person = people.filter(slug=slug).first()
    if person is not None:
        deps.record(deps.person_tag(person.pk), deps.author_list_tag(person.pk))
        stories = listed(archive.PERSON, person.pk, request)
        stories_page = paginate(stories, request, AUTHOR_PAGE_SIZE)
        if stories_page.paginator.count:
            return {"person": person, "stories_page": stories_page}
    raise Http404(f"No author or contributor is called {slug[:80]!r}.")


def section_page_context(section, request) -> dict:
    """The stories of the section and of its subsections."""
    deps.record(deps.page_tag(section.pk), deps.section_list_tag(section.pk))
    stories = listed(archive.SECTION, section.pk, request)
    return {"stories_page": paginate(stories, request, SECTION_PAGE_SIZE)}


def tag_page_context(slug, request) -> dict:
    """A tag's public stories; a tag that only drafts carry does not exist for readers."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is not None:
        deps.record(deps.tag_list_tag(tag.pk))
        stories_page = paginate(listed(archive.TAG, tag.pk, request), request, TAG_PAGE_SIZE)
        if stories_page.paginator.count:
            return {"tag": tag, "stories_page": stories_page}
    raise Http404(f"No stories are tagged {slug[:80]!r}.")
