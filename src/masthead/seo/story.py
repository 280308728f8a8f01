"""A story's structured data: NewsArticle and BreadcrumbList JSON-LD, Open Graph article tags.

Built as Python dicts from what the article page's context already holds (bylines, tags, the
section trail, the credited organisation: see masthead.reader.story), so no query is
added per byline or tag; serialised by masthead.seo.head (docs/structured-data.md).
"""

from masthead.articles.models import ArticleByline
from masthead.core.dates import iso_datetime
from masthead.core.links import absolute_url
from masthead.seo import head as seo

# Google wants lead images at least 1200 pixels wide in 16:9, 4:3 and 1:1; the first is also the
# Open Graph and Twitter card image. JPEG renditions: every social network reads them.
LEAD_IMAGE_SPECS = (
    "fill-1200x675-c75|format-jpeg",
    "fill-1200x900-c75|format-jpeg",
    "fill-1200x1200-c75|format-jpeg",
)
Role = ArticleByline.Role
WRITERS = {Role.AUTHOR, Role.REPORTING, Role.ADDITIONAL_REPORTING}
# Byline roles that are not authorship, by the schema.org property that names them.
OTHER_CONTRIBUTORS = {
    Role.PHOTOGRAPHER: "contributor",
    Role.TRANSLATOR: "translator",
    Role.EDITOR: "editor",
}


def article_head_meta(page, context) -> seo.HeadMeta:
    """Canonical URL, Open Graph, Twitter card and JSON-LD of a story page."""
    request = context.get("request")
    own_url = seo.page_url(page, request)
    canonical = page.canonical_url or own_url
    images = lead_images(page)
    share = seo.Share(
        title=page.social_headline or page.title,
        description=page.meta_description(),
        url=own_url,
        type="article",
        image=images[0] if images else None,
        large_image=True,
        properties=article_properties(page, context),
    )
    trail = [*context.get("section_trail", []), page]
    json_ld = [
        news_article(page, context, canonical, images),
        seo.breadcrumbs(context.get("site_name", ""), seo.section_crumbs(trail, request)),
    ]
    title = seo.titled(page.seo_title or page.title, context)
    return seo.head(share, context, canonical, json_ld, title)


def news_article(page, context, canonical: str | None, images: list) -> dict:
    """schema.org NewsArticle, with the properties Google's article rich results read."""
    section, publisher = context.get("section"), seo.publisher(context)
    data = {
        "@context": seo.SCHEMA,
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.standfirst,
        "datePublished": _iso(page.public_date),
        "dateModified": _iso(page.modified_at),
        "author": credited(context) or [_short(publisher)],
        "publisher": publisher,
        "image": [image.url for image in images],
        "mainEntityOfPage": canonical,
        "articleSection": section.title if section else None,
        "keywords": [tag.name for tag in context.get("tags", [])],
        "inLanguage": seo.language(),
        "wordCount": page.word_count or None,
        "dateline": page.dateline or None,
        "correction": [correction_comment(note) for note in context.get("corrections", [])],
        **contributors(context),
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def correction_comment(note) -> dict:
    return {
        "@type": "CorrectionComment",
        "text": f"{note.get_kind_display()}: {note.text}",
        "datePublished": _iso(note.noted_at),
    }


def credited(context) -> list[dict]:
    """The story's authors: its writers' bylines, else the credited organisation. (Where
    neither is named, the publication is the author.)"""
    writers = _people(byline for byline in _bylines(context) if byline.role in WRITERS)
    if writers:
        return [agent(person) for person in writers]
    if context.get("credit_organisation") is not None:
        return [agent(context["credit_organisation"])]
    return []


def contributors(context) -> dict:
    """Photographers, translators and editors, under their own schema.org properties."""
    found = {}
    for role, name in OTHER_CONTRIBUTORS.items():
        people = _people(byline for byline in _bylines(context) if byline.role == role)
        if people:
            found[name] = [agent(person) for person in people]
    return found


def agent(person) -> dict:
    """A byline's person or organisation, linked to their page on the site."""
    data = {
        "@type": "Organization" if person.is_organisation else "Person",
        "name": person.name,
        "url": absolute_url(person.get_absolute_url()),
    }
    if person.public_website:
        data["sameAs"] = person.public_website
    return data


def article_properties(page, context) -> list[tuple[str, str]]:
    """Open Graph's article:* properties."""
    section = context.get("section")
    properties = [
        ("article:published_time", _iso(page.public_date)),
        ("article:modified_time", _iso(page.modified_at)),
        ("article:section", section.title if section else None),
    ]
    properties += [("article:author", author["url"]) for author in credited(context)]
    properties += [("article:tag", tag.name) for tag in context.get("tags", [])]
    return properties


def lead_images(page) -> list[seo.SocialImage]:
    """The lead image's renditions for sharing and rich results, fetched together."""
    if page.lead_image_id is None or page.lead_image is None:
        return []
    renditions = page.lead_image.get_renditions(*LEAD_IMAGE_SPECS).values()
    return [
        seo.SocialImage(absolute_url(r.url), r.width, r.height, page.lead_image_alt)
        for r in renditions
    ]


def _bylines(context) -> list:
    return context.get("bylines") or []


def _people(bylines) -> list:
    """The bylines' people in order, each once."""
    people = {}
    for byline in bylines:
        people.setdefault(byline.person_id, byline.person)
    return list(people.values())


def _short(organisation: dict) -> dict:
    return {key: organisation[key] for key in ("@type", "name", "url")}


def _iso(value) -> str | None:
    return iso_datetime(value) if value else None
