"""What is checked before a story goes out: problems that stop publication, and warnings."""

from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail.models import Page

from masthead.articles.body_facts import body_facts
from masthead.articles.embargo import release_message, under_embargo

HEADLINE_WARNING_LENGTH = 110


@dataclass(frozen=True)
class Problem:
    field: str | None
    message: str


def blocking_problems(data: dict, now=None) -> list[Problem]:
    """Why a story with these values (the editor's form data) may not be published now."""
    problems = []
    if not (data.get("title") or "").strip():
        problems.append(Problem("title", "A story needs a headline before it is published."))
    if not (data.get("standfirst") or "").strip():
        problems.append(Problem("standfirst", "A story needs a standfirst before it is published."))
    if data.get("lead_image") and not (data.get("lead_image_alt") or "").strip():
        problems.append(
            Problem("lead_image_alt", "Describe the lead image for readers who cannot see it.")
        )
    if "body" in data:
        problems += [Problem("body", message) for message in body_problems(data["body"])]
    return problems


def _text(value) -> str:
    source = getattr(value, "source", value)  # rich text, or plain
    return " ".join(strip_tags(str(source or "")).split())


def body_problems(body) -> list[str]:
    """What in the body's blocks stops publication: no text, a quote without its words or its
    speaker, a body image without a description."""
    problems = []
    has_text = False
    images = 0
    for child in body or []:
        kind, value = child.block_type, child.value
        if kind in ("paragraph", "heading") and _text(value):
            has_text = True
        elif kind == "quote":
            words = _text(value.get("text"))
            has_text = has_text or bool(words)
            if not words:
                problems.append("A quote has no words: type them or remove the quote.")
            elif not _text(value.get("speaker")):
                short = words if len(words) <= 40 else words[:40].rsplit(" ", 1)[0] + "…"
                problems.append(f"Say who said the quote “{short}”.")
        elif kind == "image":
            images += 1
            if value.get("image") and not _text(value.get("alt_text")):
                problems.append(
                    f"Describe body image {images} for readers who cannot see it (alt text)."
                )
    if not has_text:
        problems.insert(0, "A story needs body text before it is published.")
    return problems


def publication_warnings(page) -> list[str]:
    """What an editor should look at before publishing, without being stopped by it."""
    warnings = []
    if page.lead_image_id and not page.lead_image_credit.strip():
        warnings.append("The lead image has no credit.")
    if len(page.title or "") > HEADLINE_WARNING_LENGTH:
        warnings.append(
            f"The headline is {len(page.title)} characters long; over "
            f"{HEADLINE_WARNING_LENGTH} it is cut short in search results and on social media."
        )
    for title in unpublished_link_targets(page):
        warnings.append(f"The story links to “{title}”, which is not published.")
    if under_embargo(page.embargo_until):
        warnings.append(release_message(page.embargo_until))
    return warnings


def unpublished_link_targets(page) -> list[str]:
    """The headlines of the pages the story links (in its text or its blocks) that readers
    cannot open yet."""
    ids = body_facts(page.body).page_ids
    if not ids:
        return []
    return list(
        Page.objects.filter(pk__in=ids, live=False)
        .order_by("title")
        .values_list("title", flat=True)
    )
