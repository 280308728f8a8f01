"""The pages that list stories, newest first, a page at a time: a section, a tag, an author."""

from django.http import Http404
from taggit.models import Tag

from masthead.articles import archive
from masthead.articles.queries import crediting, newest_first, public_stories, with_lead_images
from masthead.core.pagination import paginate
from masthead.pagecache import deps
from masthead.people.models import Person

SECTION_PAGE_SIZE = 20
TAG_PAGE_SIZE = 20
AUTHOR_PAGE_SIZE = 20


class ListTotal:
    """A listing's count, from the archive's totals (`archive.list_count`): counting the rows
    read every story of a big section, tag or person (0.1-0.7 s at 100,000 stories), where the
    page's own rows cost a few milliseconds. The totals hold what `public_stories` lists."""

    def __init__(self, kind: str, ref: int):
        self.kind, self.ref = kind, ref

    def count(self) -> int:
        return archive.list_count(self.kind, self.ref)


def stories_by(person, request=None):
    """Public stories that credit `person`, newest first, with their lead images."""
    return with_lead_images(newest_first(crediting(public_stories(request), person)))


def author_page_context(slug, request) -> dict:
    """A person's profile and stories; one credited on no public story is not found, with no
    query more than the page needs (its list's count tells)."""
    people = Person.objects.select_related("photo").prefetch_related("photo__renditions")
    person = people.filter(slug=slug).first()
    if person is not None:
        deps.record(deps.person_tag(person.pk), deps.author_list_tag(person.pk))
        counted = ListTotal(archive.PERSON, person.pk)
        stories_page = paginate(stories_by(person, request), request, AUTHOR_PAGE_SIZE, counted)
        if stories_page.paginator.count:
            return {"person": person, "stories_page": stories_page}
    raise Http404(f"No author or contributor is called {slug[:80]!r}.")


def section_page_context(section, request) -> dict:
    deps.record(deps.page_tag(section.pk), deps.section_list_tag(section.pk))
    stories = public_stories(request)
    # Rows: Wagtail's descendant_of(), under which the database walks the order's index.
    listed = with_lead_images(newest_first(stories.descendant_of(section)))
    counted = ListTotal(archive.SECTION, section.pk)
    return {"stories_page": paginate(listed, request, SECTION_PAGE_SIZE, counted)}


def tag_page_context(slug, request) -> dict:
    """A tag's public stories; a tag that only drafts carry does not exist for readers."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is not None:
        deps.record(deps.tag_list_tag(tag.pk))
        stories = with_lead_images(newest_first(public_stories(request).filter(tags__slug=slug)))
        stories_page = paginate(stories, request, TAG_PAGE_SIZE, ListTotal(archive.TAG, tag.pk))
        if stories_page.paginator.count:
            return {"tag": tag, "stories_page": stories_page}
    raise Http404(f"No stories are tagged {slug[:80]!r}.")
