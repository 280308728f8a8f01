"""A person's address (/authors/<slug>/), made from their name and unique."""

from django.utils.text import slugify

from masthead.people.models import Person


def unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True)[:190] or "person"
    slug, n = base, 1
    while Person.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
