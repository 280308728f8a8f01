"""What a change to a person invalidates in the page cache: every byline and author page that
shows them (they record `person-<id>` when they load the person)."""

from masthead.pagecache import changes, deps
from masthead.people.models import Person


def connect() -> None:
    changes.record_when_loaded(Person, deps.person_tag, "person")
    changes.invalidate_when_saved_or_deleted(Person, lambda person: deps.person_tag(person.pk))
