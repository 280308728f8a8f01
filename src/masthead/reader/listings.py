"""Author pages: a person's or an organisation's profile and their stories."""

from django.http import Http404

from masthead.articles.queries import crediting, newest_first, public_stories, with_lead_images
from masthead.core.pagination import paginate
from masthead.pagecache import deps
from masthead.people.models import Person

AUTHOR_PAGE_SIZE = 20


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
        stories_page = paginate(stories_by(person, request), request, AUTHOR_PAGE_SIZE)
        if stories_page.paginator.count:
            return {"person": person, "stories_page": stories_page}
    raise Http404(f"No author or contributor is called {slug[:80]!r}.")
