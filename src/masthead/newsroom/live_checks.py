""" "Before you publish", as the writer types: what stops publication and what to look at.

The story editor's script (static/newsroom/editor.js) posts the form here a moment after each
change; the answer replaces the panel. It reads the form as posted, unsaved, with the rules of
masthead.articles.checks: the same problems a Publish would be refused for, and the warnings
that need no database (a lead image without a credit, a long headline). Links to unpublished
stories and the embargo are read from the story as last saved (`page`, when it has an id).
"""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from masthead.articles.checks import (
    HEADLINE_WARNING_LENGTH,
    blocking_problems,
    unpublished_link_targets,
)
from masthead.articles.embargo import release_message, under_embargo
from masthead.articles.models import ArticlePage


def posted_body(post):
    """The body's blocks as posted (unvalidated); an unreadable body reads as empty."""
    block = ArticlePage._meta.get_field("body").stream_block
    try:
        return block.value_from_datadict(post, {}, "body")
    except (KeyError, ValueError, TypeError):
        return []


def posted_fields(post) -> dict:
    """The fields the checks read, as the editor's form posts them."""
    return {
        "body": posted_body(post),
        "title": " ".join(post.get("title", "").split()),
        "standfirst": post.get("standfirst", ""),
        "lead_image": post.get("lead_image", "").strip(),
        "lead_image_alt": post.get("lead_image_alt", ""),
        "lead_image_credit": post.get("lead_image_credit", ""),
    }


def typed_warnings(data: dict) -> list[str]:
    warnings = []
    if data["lead_image"] and not data["lead_image_credit"].strip():
        warnings.append("The lead image has no credit.")
    if len(data["title"]) > HEADLINE_WARNING_LENGTH:
        warnings.append(
            f"The headline is {len(data['title'])} characters long; over "
            f"{HEADLINE_WARNING_LENGTH} it is cut short in search results and on social media."
        )
    return warnings


def saved_warnings(user, page_id: str) -> list[str]:
    """Warnings from the story as last saved: links to unpublished stories, the embargo."""
    if not page_id.isdigit():
        return []
    story = ArticlePage.objects.filter(pk=int(page_id)).first()
    if story is None or not story.permissions_for_user(user).can_edit():
        return []
    latest = story.get_latest_revision_as_object()
    warnings = [
        f"The story links to “{title}”, which is not published."
        for title in unpublished_link_targets(latest)
    ]
    if under_embargo(latest.embargo_until):
        warnings.append(release_message(latest.embargo_until))
    return warnings


@require_POST
def check_story(request):
    data = posted_fields(request.POST)
    warnings = typed_warnings(data) + saved_warnings(request.user, request.GET.get("page", ""))
    return TemplateResponse(
        request,
        "newsroom/live_checks.html",
        {
            "problems": [problem.message for problem in blocking_problems(data)],
            "warnings": warnings,
        },
    )
