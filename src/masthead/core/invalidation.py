"""What site-wide changes invalidate in the page cache: the site and its settings, the parts of
the tree that are private, and images (which any page may show, recording `image-<id>`)."""

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site

from masthead.core.models import SiteSettings
from masthead.pagecache import changes, deps


def connect() -> None:
    image_model = get_image_model()
    changes.record_when_loaded(image_model, deps.image_tag, "image")
    changes.invalidate_when_saved_or_deleted(image_model, lambda image: deps.image_tag(image.pk))
    changes.invalidate_when_saved_or_deleted(SiteSettings, lambda settings: deps.SITE)
    changes.invalidate_when_saved_or_deleted(Site, lambda site: deps.SITE)
    changes.invalidate_when_saved_or_deleted(PageViewRestriction, lambda rule: deps.RESTRICTIONS)
