"""Author pages: a person's or an organisation's profile and their stories."""

from django.db.models import Exists, OuterRef, Q
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


def credited_people(request=None):
    """People and organisations credited (in a byline or as the source) on at least one public
    story: the only ones readers may know of. Someone credited only on drafts, scheduled,
    embargoed or restricted stories has no public profile yet."""
    stories = public_stories(request)
    in_bylines = stories.filter(bylines__person=OuterRef("pk"))
    as_source = stories.filter(credit_organisation=OuterRef("pk"))
    return Person.objects.filter(Exists(in_bylines) | Exists(as_source))


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
