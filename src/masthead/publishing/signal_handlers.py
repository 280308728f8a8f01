"""Keeping desks and site-wide rights in step with the page tree."""

from django.db.models.signals import post_save
from wagtail.models import Workflow, WorkflowPage

from masthead.publishing.desks import ensure_desk, grant_chief_editor_site
from masthead.sections.models import HomePage, SectionPage

REVIEW_WORKFLOW = "Newsroom review"


def section_saved(sender, instance, created, raw=False, **kwargs):
    """A top-level section gets its desk; a renamed one renames its desk's groups."""
    if raw or instance.depth is None:
        return
    parent = instance.get_parent()
    if parent is not None and parent.specific_class is HomePage:
        ensure_desk(instance)


def home_saved(sender, instance, created, raw=False, **kwargs):
    """A new site's front page: the Chief editor's rights and the review workflow cover it."""
    if raw or not created:
        return
    grant_chief_editor_site(instance)
    workflow = Workflow.objects.filter(name=REVIEW_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


def connect() -> None:
    post_save.connect(section_saved, sender=SectionPage, dispatch_uid="masthead-desk")
    post_save.connect(home_saved, sender=HomePage, dispatch_uid="masthead-home-rights")
