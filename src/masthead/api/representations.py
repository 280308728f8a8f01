"""Model instances as the API's JSON: only the fields readers may see, with absolute URLs."""

from collections import defaultdict

from masthead.api.body import BodyRenderer, load_body_objects
from masthead.api.links import PageUrls, person_url, rendition_url, tag_url
from masthead.articles.models import ArticleByline, ArticleTag
from masthead.core.dates import in_newsroom
from masthead.core.tree import parent_path
from masthead.core.visibility import public_pages
from masthead.sections.models import SectionPage

LEAD_IMAGE_RENDITION = "format-jpeg|fill-1280x720-c75"  # the largest JPEG the story page uses
PHOTO_RENDITION = "format-jpeg|fill-320x320-c100"  # as on the author page


def rendition(image, spec: str) -> dict | None:
    if image is None:
        return None
    picture = image.get_rendition(spec)
    return {"url": rendition_url(picture), "width": picture.width, "height": picture.height}


def public_datetime(value):
    """The newsroom's local time with its offset, to the second (as the story page shows it)."""
    return None if value is None else in_newsroom(value).replace(microsecond=0)


class StoryRepresentation:
    """Stories as JSON, with what they refer to fetched once for the whole list."""

    def __init__(self, stories: list, request):
        self.urls = PageUrls()
        ids = [story.pk for story in stories]
        self.bylines = defaultdict(list)
        for byline in (
            ArticleByline.objects.filter(page_id__in=ids)
            .select_related("person")
            .order_by("sort_order", "pk")
        ):
            self.bylines[byline.page_id].append(byline)
        self.tags = defaultdict(list)
        for item in ArticleTag.objects.filter(content_object_id__in=ids).select_related("tag"):
            self.tags[item.content_object_id].append(item.tag)
        sections = SectionPage.objects.live().filter(path__in={parent_path(s) for s in stories})
        self.sections = {section.path: section for section in public_pages(sections, request)}
        self.body = BodyRenderer(load_body_objects(stories, request), self.urls)

    def __call__(self, story) -> dict:
        body, body_html = self.body.render(story)
        return {
            "id": story.pk,
            "url": self.urls(story),
            "headline": story.title,
            "standfirst": story.standfirst,
            "credit": story.credit,
            "credit_organisation": self.credit_organisation(story),
            "section": self.section(story),
            "published_at": public_datetime(story.public_date),
            "reading_minutes": story.reading_minutes,
            "word_count": story.word_count,
            "bylines": [self.byline(byline) for byline in self.bylines[story.pk]],
            "tags": [
                {"name": tag.name, "slug": tag.slug}
                for tag in sorted(self.tags[story.pk], key=lambda tag: (tag.name.lower(), tag.pk))
            ],
            "lead_image": self.lead_image(story),
            "body_html": body_html,
            "body": body,
        }

    def section(self, story) -> dict | None:
        section = self.sections.get(parent_path(story))
        if section is None:
            return None
        return {"id": section.pk, "title": section.title, "url": self.urls(section)}

    @staticmethod
    def credit_organisation(story) -> dict | None:
        if story.credit_organisation_id is None:
            return None
        organisation = story.credit_organisation
        return {
            "name": organisation.name,
            "slug": organisation.slug,
            "url": person_url(organisation),
        }

    @staticmethod
    def byline(byline) -> dict:
        return {
            "name": byline.person.name,
            "slug": byline.person.slug,
            "role": byline.role,
            "role_label": byline.get_role_display(),
            "url": person_url(byline.person),
        }

    @staticmethod
    def lead_image(story) -> dict | None:
        picture = rendition(story.lead_image, LEAD_IMAGE_RENDITION)
        if picture is None:
            return None
        return picture | {
            "alt": story.lead_image_alt,
            "caption": story.lead_image_caption,
            "credit": story.lead_image_credit,
        }


class SectionRepresentation:
    """Sections as JSON; parents are looked up once for the whole list."""

    def __init__(self, sections: list, request):
        self.urls = PageUrls()
        parents = SectionPage.objects.live().filter(path__in={parent_path(s) for s in sections})
        self.parents = dict(public_pages(parents, request).values_list("path", "pk"))

    def __call__(self, section) -> dict:
        return {
            "id": section.pk,
            "title": section.title,
            "slug": section.slug,
            "path": self.urls.path(section).strip("/"),
            "url": self.urls(section),
            "description": section.description,
            "parent": self.parents.get(parent_path(section)),
        }


def person_representation(person) -> dict:
    return {
        "name": person.name,
        "slug": person.slug,
        "kind": person.kind,
        "job_title": person.job_title,
        "bio": person.bio,
        "website": person.public_website,
        "url": person_url(person),
        "photo": rendition(person.photo, PHOTO_RENDITION),
    }


def tag_representation(tag) -> dict:
    return {
        "name": tag.name,
        "slug": tag.slug,
        "url": tag_url(tag.slug),
        "story_count": tag.story_count,
    }
