"""DEMO CONTENT: stories readers must not see yet, one per state of the newsroom's pipeline.

Each headline begins with "Unpublished", so anyone can search every public channel for the word.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape

from masthead.articles.models import ArticleByline, ArticlePage

YEAR = timedelta(days=365)

PIPELINE = [
    ("draft", "unpublished-draft-harbour-plan", "Unpublished draft: the harbour plan"),
    ("review", "unpublished-in-review-rail-fares", "Unpublished in review: rail fares rise"),
    ("scheduled", "unpublished-scheduled-budget", "Unpublished until next year: the budget"),
    ("embargoed", "unpublished-embargoed-report", "Unpublished under embargo: the audit report"),
]


def ensure_pipeline(section, people, tags=("Pakistan",)) -> int:
    """Create the missing pipeline stories in `section`; returns how many were created."""
    created = 0
    for state, slug, headline in PIPELINE:
        if ArticlePage.objects.child_of(section).filter(slug=slug).exists():
            continue
        story = ArticlePage(
            title=headline,
            slug=slug,
            standfirst=f"{headline}: a story that is not public yet",
            credit_organisation=people["asian-lite-news"],
            body=[("paragraph", f"<p>{escape(headline)}. Unpublished text for the demo.</p>")],
            live=False,
        )
        story.bylines.add(ArticleByline(person=people["amara-okafor"], role="reporting"))
        section.add_child(instance=story)
        story.tags.add(*tags)
        advance(story, state)
        created += 1
    return created


def advance(story, state) -> None:
    users = get_user_model().objects
    reporter = users.filter(username="reporter").first()
    now = timezone.now()
    if state == "scheduled":
        story.go_live_at = now + YEAR
    if state == "embargoed":
        story.embargo_until = now + YEAR
    revision = story.save_revision(user=reporter)
    if state == "review":
        story.get_workflow().start(story, reporter)
    elif state in ("scheduled", "embargoed"):
        revision.publish(user=users.filter(username="editor").first())
