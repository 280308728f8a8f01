"""Reading the editors' picks for reader pages."""

from django.db.models import F, Q
from django.utils import timezone
from wagtail.models import Site

from masthead.articles.queries import public_stories, with_lead_images
from masthead.curation.models import Curation


def _site(request):
    return Site.find_for_request(request) if request is not None else None


def front_page_pins(request, now=None) -> list:
    """The current pins as (slot, story), in the editors' order, public stories only."""
    site = _site(request)
    if site is None:
        return []
    now = now or timezone.now()
    current = Q(front_page_pins__curation__site_id=site.pk) & (
        Q(front_page_pins__expires_at__isnull=True) | Q(front_page_pins__expires_at__gt=now)
    )
    stories = (
        public_stories(request)
        .filter(current)
        .annotate(pin_slot=F("front_page_pins__slot"))
        .order_by("front_page_pins__sort_order")
    )
    return [(story.pin_slot, story) for story in with_lead_images(stories)]


def dont_miss(request, exclude=None, now=None) -> list:
    """The site's current "Don't Miss" picks, in the editors' order, public stories only."""
    site = _site(request)
    if site is None:
        return []
    now = now or timezone.now()
    current = Q(dont_miss_entries__curation__site_id=site.pk) & (
        Q(dont_miss_entries__expires_at__isnull=True) | Q(dont_miss_entries__expires_at__gt=now)
    )
    stories = public_stories(request).filter(current)
    if exclude is not None and exclude.pk is not None:
        stories = stories.exclude(pk=exclude.pk)
    return list(stories.order_by("dont_miss_entries__sort_order"))


def breaking_news(request, now=None):
    """The site's breaking-news banner as (text, story or None), or None when there is none."""
    site = _site(request)
    if site is None:
        return None
    now = now or timezone.now()
    curation = (
        Curation.objects.filter(site_id=site.pk)
        .exclude(banner_text="")
        .filter(Q(banner_expires_at__isnull=True) | Q(banner_expires_at__gt=now))
        .first()
    )
    if curation is None:
        return None
    story = None
    if curation.banner_story_id:
        story = public_stories(request).filter(pk=curation.banner_story_id).first()
    return curation.banner_text, story
