"""What a corpus needs around its stories: the site, its front page, sections, people and tags.

All of it is made through the normal Wagtail and Django paths (there are only a few of each),
and reused when it exists already, e.g. the demo's sections and agencies.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page, Site

from masthead.core.sites import base_url_address, sync_default_site
from masthead.demo.corpus import words
from masthead.people.models import Person
from masthead.sections.models import HomePage, SectionPage

# (slug, title, parent slug or None, description, share of the stories)
SECTIONS = [
    ("top-news", "Top News", None, "The most important stories of the day.", 0.2),
    ("world", "World", None, "International news.", 0.12),
    ("asia", "Asia", "world", "News from across Asia.", 0.15),
    ("business", "Business", None, "Markets, companies and the economy.", 0.2),
    ("sport", "Sport", None, "Results, transfers and the big matches.", 0.12),
    ("technology", "Technology", None, "Start-ups, telecoms and the digital economy.", 0.11),
    ("opinion", "Opinion", None, "Comment and analysis.", 0.1),
]
REPORTER_TITLES = ["Reporter", "Correspondent", "Senior reporter", "Photographer", "Editor"]
REPORTERS = 24


class NotANewsSite(RuntimeError):
    """The default site's root is not a front page: there is nowhere to put sections."""


@dataclass
class Newsroom:
    site: Site
    home: HomePage
    sections: dict[str, SectionPage]
    shares: dict[str, float]
    reporters: list[Person]
    agencies: list[Person]
    tags: list[Tag]


def ensure_newsroom() -> Newsroom:
    site = ensure_site()
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise NotANewsSite(f"The default site's root is {home!r}, not a front page.")
    sections = {}
    for slug, title, parent_slug, description, _share in SECTIONS:
        parent = sections[parent_slug] if parent_slug else home
        sections[slug] = ensure_section(parent, slug, title, description)
    return Newsroom(
        site=site,
        home=home,
        sections=sections,
        shares={slug: share for slug, *_rest, share in SECTIONS},
        reporters=[ensure_reporter(number) for number in range(REPORTERS)],
        agencies=[ensure_agency(slug, name) for slug, name in words.ORGANISATIONS],
        tags=[ensure_tag(name) for name in words.TAGS],
    )


def ensure_site() -> Site:
    """The default site on MASTHEAD_BASE_URL, with a front page (`migrate` makes both; a
    database that lost them gets new ones)."""
    if Site.objects.filter(is_default_site=True).exists():
        return sync_default_site()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title="Front page", slug="front")
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
    hostname, port = base_url_address()
    return Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        is_default_site=True,
        site_name=settings.WAGTAIL_SITE_NAME,
    )


def ensure_section(parent, slug, title, description) -> SectionPage:
    existing = SectionPage.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    section = SectionPage(title=title, slug=slug, description=description)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def ensure_reporter(number: int) -> Person:
    first = words.FIRST_NAMES[number % len(words.FIRST_NAMES)]
    last = words.LAST_NAMES[(number * 7) % len(words.LAST_NAMES)]
    name = f"{first} {last}"
    person, _ = Person.objects.get_or_create(
        slug=slugify(name),
        defaults={
            "name": name,
            "job_title": REPORTER_TITLES[number % len(REPORTER_TITLES)],
            "bio": f"{first} writes for the desk. (A made-up contributor of the test corpus.)",
        },
    )
    return person


def ensure_agency(slug: str, name: str) -> Person:
    agency, _ = Person.objects.get_or_create(
        slug=slug, defaults={"name": name, "kind": Person.Kind.ORGANISATION}
    )
    return agency


def ensure_tag(name: str) -> Tag:
    tag = Tag.objects.filter(name__iexact=name).first()
    return tag or Tag.objects.create(name=name, slug=slugify(name))
