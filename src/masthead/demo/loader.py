"""Loading the demo newsroom, idempotently: what exists already is left as it is.

One exception, by design: the live story (content.LIVE_STORY) is dated at the moment the demo
loads it, and each later load publishes it again dated "now" (DemoLoader.live_story), so that the
news sitemap, which lists the last two days' stories, is never empty after `make demo`.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Site

from masthead.articles.models import ArticleByline, ArticlePage
from masthead.core.dates import newsroom_zone
from masthead.core.models import SiteSettings
from masthead.core.sites import sync_default_site
from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from masthead.demo import content
from masthead.demo.accounts import ensure_accounts, logins_text
from masthead.demo.images import demo_image
from masthead.demo.own_pages import ensure_own_pages
from masthead.demo.pipeline import ensure_pipeline
from masthead.demo.reference import read_reference
from masthead.people.models import Person
from masthead.sections.models import HomePage, SectionPage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "masthead-demo"  # noqa: S105 (the documented login of a local demo)


def newsroom_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=newsroom_zone())


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.created = 0

    @transaction.atomic
    def load(self) -> None:
        site = sync_default_site(site_name=content.SITE_NAME)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise RuntimeError(f"The default site's root is {home!r}, not a front page.")
        self.people = {slug: self.person(slug, *rest) for slug, *rest in content.PEOPLE}
        self.sections = {}
        for slug, title, parent_slug, description in content.SECTIONS:
            parent = self.sections[parent_slug] if parent_slug else home
            self.sections[slug] = self.section(parent, slug, title, description)
        self.stories = {}
        for story in sorted(content.STORIES, key=lambda s: "reference" in s):
            self.stories[story["slug"]] = self.story(story)
        live = self.live_story(content.LIVE_STORY)
        self.stories[live.slug] = live
        self.curate(site)
        top = [
            self.sections[slug] for slug, _title, parent, _about in content.SECTIONS if not parent
        ]
        self.created += ensure_own_pages(site, home, top)
        SiteSettings.objects.get_or_create(
            site=site, defaults={"tagline": content.NEWSROOM_TAGLINE}
        )
        self.admin_account()
        self.created += ensure_accounts(self.sections)
        self.created += ensure_pipeline(self.sections["world"], self.people)
        self.log(f"Demo loaded: {self.created} new items.")

    def person(self, slug, name, kind, job_title, bio) -> Person:
        person, created = Person.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "job_title": job_title, "bio": bio}
        )
        if kind == Person.Kind.PERSON and person.photo_id is None:
            # A drawn stand-in for a portrait (the story pages' author box, the author page).
            person.photo = demo_image(f"person-{slug}", f"Demo portrait: {name}")
            person.save(update_fields=["photo"])
        self.created += created
        return person

    def section(self, parent, slug, title, description) -> SectionPage:
        existing = SectionPage.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        section = SectionPage(title=title, slug=slug, description=description)
        parent.add_child(instance=section)
        section.save_revision().publish()
        self.created += 1
        return section

    def existing_story(self, spec) -> ArticlePage | None:
        parent = self.sections[spec["section"]]
        return ArticlePage.objects.child_of(parent).filter(slug=spec["slug"]).first()

    def story(self, spec, published_at: datetime | None = None) -> ArticlePage:
        existing = self.existing_story(spec)
        if existing:
            return existing
        parent = self.sections[spec["section"]]
        fields = self.reference_fields() if spec.get("reference") else self.story_fields(spec)
        page = ArticlePage(
            slug=spec["slug"],
            published_at=published_at or newsroom_time(spec["published"]),
            **fields,
        )
        for position, (person_slug, role) in enumerate(spec.get("bylines", [])):
            page.bylines.add(
                ArticleByline(person=self.people[person_slug], role=role, sort_order=position)
            )
        parent.add_child(instance=page)
        page.tags.add(*spec.get("tags", []))
        page.save_revision().publish()
        self.created += 1
        return page

    def live_story(self, spec) -> ArticlePage:
        """The story dated at the moment the demo loads: created dated now; on a later load,
        published again dated now, at the same URL.

        The new date goes out as a new revision published through Wagtail, as an editor's
        Publish button does, so that the page history, the publication signals and the caches
        all see it. It is a minor edit: the text has not changed. The story is left as it is
        where an editor has taken it over: unpublished, with a draft or a scheduled revision,
        in review, or locked.
        """
        now = timezone.now()
        story = self.existing_story(spec)
        if story is None:
            return self.story(spec, published_at=now)
        if not story.live or story.locked or story.has_unpublished_changes:
            return story
        if story.workflow_in_progress or story.scheduled_revision is not None:
            return story
        story.published_at = now
        story.minor_edit = True
        story.save_revision(log_action=True).publish()
        story.refresh_from_db()
        self.log(f"Published “{story.title}” again, dated now.")
        return story

    def story_fields(self, spec) -> dict:
        credit = spec.get("credit")
        fields = {
            "title": spec["headline"],
            "standfirst": spec["standfirst"],
            "credit_organisation": self.people[credit] if credit else None,
            "dateline": spec.get("dateline", ""),
            "body": [("paragraph", paragraph(text)) for text in spec["body"]],
        }
        if spec.get("image"):
            fields.update(
                lead_image=demo_image(spec["slug"], f"Demo illustration: {spec['headline']}"),
                lead_image_alt="An abstract illustration of circles and squares",
                lead_image_caption="Illustration made for the Masthead demo.",
                lead_image_credit="Illustration: Masthead demo",
            )
        return fields

    def reference_fields(self) -> dict:
        reference = read_reference()
        also_read = ArticlePage.objects.get(title=reference.also_read_headline)
        body = []
        for kind, value in reference.paragraphs:
            if kind == "quote":
                body.append(
                    (
                        "quote",
                        {
                            "text": value["text"],
                            "verb": value["verb"],
                            "speaker": value["speaker"],
                            "speaker_description": value["description"],
                        },
                    )
                )
            else:
                body.append(("paragraph", paragraph(value)))
        body.append(("also_read", {"story": also_read, "label": "Also read"}))
        return {
            "title": reference.headline,
            "standfirst": reference.standfirst,
            "credit_organisation": self.people["asian-lite-news"],
            "body": body,
        }

    def curate(self, site) -> None:
        curation, _ = Curation.objects.get_or_create(site=site)
        if not curation.dont_miss_picks.exists():
            for position, slug in enumerate(content.DONT_MISS):
                DontMissPick.objects.create(
                    curation=curation, story=self.stories[slug], sort_order=position
                )
            self.created += len(content.DONT_MISS)
        if not curation.front_page_pins.exists():
            pins = [(content.FRONT_PAGE_LEAD, "lead")]
            pins += [(slug, "top") for slug in content.FRONT_PAGE_TOP]
            for position, (slug, slot) in enumerate(pins):
                FrontPagePin.objects.create(
                    curation=curation, story=self.stories[slug], slot=slot, sort_order=position
                )
            self.created += len(pins)

    def admin_account(self) -> None:
        user_model = get_user_model()
        if not user_model.objects.filter(username=ADMIN_USERNAME).exists():
            user_model.objects.create_superuser(
                ADMIN_USERNAME, "admin@masthead.invalid", ADMIN_PASSWORD
            )
            self.created += 1


def admin_login_text() -> str:
    site = Site.objects.get(is_default_site=True)
    return (
        f"Reader site: {site.root_url}/\n"
        f"Editor:      {site.root_url}/admin/  (login {ADMIN_USERNAME} / {ADMIN_PASSWORD})\n"
        + logins_text()
    )
