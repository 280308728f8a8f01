"""Categories become sections (their hierarchy kept), tags become tags, authors become people."""

from __future__ import annotations

from django.utils.text import slugify
from taggit.models import Tag

from masthead.people.models import Person
from masthead.sections.models import HomePage, SectionPage
from masthead.wordpress import wxr
from masthead.wordpress.models import ImportedObject
from masthead.wordpress.outcome import IMPORTED, UNCHANGED, Outcome

FALLBACK_SECTION = ("news", "News")


def ordered_categories(categories: list[wxr.Term]) -> list[wxr.Term]:
    """Parents before children (an export may list them in any order); a parent that is not in
    the export, or a loop, makes the category a top-level one."""
    by_slug = {term.slug: term for term in categories}
    placed: dict[str, int] = {}

    def depth(term, seen=()):
        if term.slug in placed:
            return placed[term.slug]
        parent = by_slug.get(term.parent_slug)
        value = (
            0 if parent is None or parent.slug in seen else depth(parent, (*seen, term.slug)) + 1
        )
        placed[term.slug] = value
        return value

    return sorted(categories, key=lambda term: depth(term))


def section_for(
    home: HomePage, parent, slug: str, title: str, description: str = ""
) -> SectionPage:
    existing = SectionPage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    section = SectionPage(title=title[:255] or slug, slug=slug, description=description)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def import_categories(site_url: str, home: HomePage, categories, outcome: Outcome) -> dict:
    """Each category's section, made where missing: {slug: SectionPage, term_id: SectionPage}."""
    sections: dict = {}
    for term in ordered_categories(categories):
        slug = slugify(term.slug or term.name, allow_unicode=True)[:200] or f"category-{term.wp_id}"
        parent = sections.get(term.parent_slug, home)
        known = ImportedObject.objects.filter(
            site_url=site_url, kind="category", wp_slug=term.slug
        ).first()
        section = SectionPage.objects.filter(pk=known.object_id).first() if known else None
        if section is None:
            section = section_for(home, parent, slug, term.name, term.description)
            ImportedObject.objects.update_or_create(
                site_url=site_url,
                kind="category",
                wp_id=term.wp_id or _pseudo_id(term.slug),
                defaults={"object_id": section.pk, "wp_slug": term.slug, "fingerprint": ""},
            )
            outcome.count("category", IMPORTED)
        else:
            outcome.count("category", UNCHANGED)
        sections[term.slug] = section
        if term.wp_id is not None:
            sections[term.wp_id] = section
    return sections


def fallback_section(home: HomePage) -> SectionPage:
    slug, title = FALLBACK_SECTION
    return section_for(home, home, slug, title)


def _pseudo_id(slug: str) -> int:
    """A stable negative ID for a term exported without one (WXR 1.0)."""
    import hashlib

    return -int(hashlib.sha256(slug.encode()).hexdigest()[:12], 16)


def tag_exists(name: str) -> bool:
    return Tag.objects.filter(name__iexact=" ".join(name.split())[:100]).exists()


def tag_named(name: str) -> Tag | None:
    name = " ".join(name.split())[:100]
    if not name:
        return None
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is None:
        slug = slugify(name, allow_unicode=True)[:100] or "tag"
        base, number = slug, 1
        while Tag.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        tag = Tag.objects.create(name=name, slug=slug)
    return tag


def import_author(site_url: str, author: wxr.Author, outcome: Outcome) -> Person | None:
    if not author.login:
        return None
    wp_id = author.wp_id if author.wp_id is not None else _pseudo_id(author.login)
    known = ImportedObject.objects.filter(
        site_url=site_url, kind="author", wp_slug=author.login
    ).first()
    if known and Person.objects.filter(pk=known.object_id).exists():
        outcome.count("author", UNCHANGED)
        return Person.objects.get(pk=known.object_id)
    name = (
        author.display_name
        or " ".join(part for part in (author.first_name, author.last_name) if part)
        or author.login
    )[:200]
    base = slugify(name, allow_unicode=True)[:190] or slugify(author.login) or f"author-{wp_id}"
    slug, number = base, 1
    while Person.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    person = Person.objects.create(name=name, slug=slug)
    ImportedObject.objects.update_or_create(
        site_url=site_url,
        kind="author",
        wp_id=wp_id,
        defaults={"object_id": person.pk, "wp_slug": author.login, "fingerprint": ""},
    )
    outcome.count("author", IMPORTED)
    return person
