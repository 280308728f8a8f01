"""Author pages: a person's or an organisation's profile and their stories."""

from django.db.models import Q
from django.http import Http404

from masthead.articles.queries import newest_first, public_stories, with_lead_images
from masthead.pagecache import deps
from masthead.people.models import Person
from masthead.sections.services import paginate

AUTHOR_PAGE_SIZE = 20


def stories_by(person, request=None):
    """Public stories that credit `person`: in a byline or as the source credit."""
    credited = Q(bylines__person=person) | Q(credit_organisation=person)
    ids = public_stories(request).filter(credited).values("pk")
    return with_lead_images(newest_first(public_stories(request).filter(pk__in=ids)))


def author_page_context(slug, request) -> dict:
    people = Person.objects.select_related("photo").prefetch_related("photo__renditions")
    person = people.filter(slug=slug).first()
    if person is None:
        raise Http404(f"No author or contributor is called {slug[:80]!r}.")
    deps.record(deps.person_tag(person.pk), deps.author_list_tag(person.pk))
    return {
        "person": person,
        "stories_page": paginate(stories_by(person, request), request, AUTHOR_PAGE_SIZE),
    }
