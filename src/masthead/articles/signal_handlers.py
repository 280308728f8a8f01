"""What publishing a story changes beyond its content (the public modified date), and the
slug every tag needs to have an address."""

from django.db.models.signals import pre_save
from taggit.models import Tag
from wagtail.signals import page_published

from masthead.articles import tags
from masthead.articles.models import ArticlePage


def record_publication(sender, instance, revision=None, **kwargs) -> None:
    """Move the modified date to this publication unless the editor marked it a minor edit.

    The first publication leaves it empty (the modified date is then the publication date);
    "minor edit" is an instruction for one publication, so the live row forgets it.
    """
    if not instance.live or instance.last_published_at is None:
        return  # scheduled for later: the scheduled publication comes back here
    changes = {"minor_edit": False}
    first_publication = instance.first_published_at == instance.last_published_at
    if not first_publication and (not instance.minor_edit or has_new_note(instance)):
        changes["last_substantive_edit_at"] = instance.last_published_at
    ArticlePage.objects.filter(pk=instance.pk).update(**changes)
    for field, value in changes.items():
        setattr(instance, field, value)


def has_new_note(story) -> bool:
    """A correction or update added since the last substantive edit is never a minor edit."""
    since = story.last_substantive_edit_at or story.first_published_at
    return story.corrections.filter(noted_at__gt=since).exists()


def give_tag_a_usable_slug(sender, instance, **kwargs) -> None:
    """A tag whose slug came out empty ("🙂", "#") gets one that makes an address."""
    if not tags.is_usable(instance.slug):
        instance.slug = tags.unique_slug(Tag, instance.name, instance.pk)


def connect() -> None:
    pre_save.connect(give_tag_a_usable_slug, sender=Tag, dispatch_uid="masthead.articles.tag_slug")
    page_published.connect(
        record_publication, sender=ArticlePage, dispatch_uid="masthead.articles.record_publication"
    )
