"""Reading the editors' picks for reader pages.

Each list is read once per process and kept until the editors change it, one of its stories
changes (publish, unpublish, a view restriction) or one of its entries expires: the values
are shared by every request, so they hold lists and the stories in them are read-only.
"""

from django.db.models import Q
from django.utils import timezone

from masthead.articles.queries import public_stories, with_lead_images
from masthead.core.sites import current_site
from masthead.core.visibility import ANY_READER
from masthead.curation.models import Curation, DontMissPick, FrontPagePin
from masthead.pagecache import deps
from masthead.pagecache.sitewide import sitewide


def _site(request):
    return current_site(request) if request is not None else None


def _current(now) -> Q:
    return Q(expires_at__isnull=True) | Q(expires_at__gt=now)


def _earliest_expiry(entries):
    return min((entry.expires_at for entry in entries if entry.expires_at), default=None)


def _shown(entries, stories):
    """The entries whose story readers may see, in the editors' order, with their stories."""
    by_pk = {story.pk: story for story in stories}
    return [(entry, by_pk[entry.story_id]) for entry in entries if entry.story_id in by_pk]


def _picked(model, site_pk, now, stories):
    """The current entries of a curated list and the public stories they show."""
    entries = list(
        model.objects.filter(_current(now), curation__site_id=site_pk).order_by("sort_order", "pk")
    )
    # A picked story that is not public yet appears when it is published: depend on it now.
    deps.record(*(deps.page_tag(entry.story_id) for entry in entries))
    shown = _shown(entries, stories.filter(pk__in=[entry.story_id for entry in entries]))
    deps.record_expiry(_earliest_expiry(entry for entry, _ in shown))
    return shown


def _pins(site_pk, now=None) -> list:
    stories = with_lead_images(public_stories(ANY_READER))
    shown = _picked(FrontPagePin, site_pk, now or timezone.now(), stories)
    return [(pin.slot, story) for pin, story in shown]


def front_page_pins(request, now=None) -> list:
    """The current pins as (slot, story), in the editors' order, public stories only."""
    site = _site(request)
    if site is None:
        return []
    if now is not None:
        return _pins(site.pk, now)
    return sitewide(f"pins-{site.pk}", {deps.PINS}, lambda: _pins(site.pk))


def _picks(site_pk, now=None) -> list:
    shown = _picked(DontMissPick, site_pk, now or timezone.now(), public_stories(ANY_READER))
    return [story for _, story in shown]


def dont_miss(request, exclude=None, now=None) -> list:
    """The site's current "Don't Miss" picks, in the editors' order, public stories only."""
    site = _site(request)
    if site is None:
        return []
    if now is not None:
        picks = _picks(site.pk, now)
    else:
        picks = sitewide(f"picks-{site.pk}", {deps.PICKS}, lambda: _picks(site.pk))
    if exclude is not None and exclude.pk is not None:
        return [story for story in picks if story.pk != exclude.pk]
    return list(picks)


def _banner(site_pk, now=None):
    now = now or timezone.now()
    curation = (
        Curation.objects.filter(site_id=site_pk)
        .exclude(banner_text="")
        .filter(Q(banner_expires_at__isnull=True) | Q(banner_expires_at__gt=now))
        .first()
    )
    if curation is None:
        return None
    deps.record_expiry(curation.banner_expires_at)
    story = None
    if curation.banner_story_id:
        deps.record(deps.page_tag(curation.banner_story_id))
        story = public_stories(ANY_READER).filter(pk=curation.banner_story_id).first()
    return curation.banner_text, story


def breaking_news(request, now=None):
    """The site's breaking-news banner as (text, story or None), or None when there is none."""
    site = _site(request)
    if site is None:
        return None
    if now is not None:
        return _banner(site.pk, now)
    return sitewide(f"banner-{site.pk}", {deps.BANNER}, lambda: _banner(site.pk))
