"""Images in Wagtail's library: lead images, figures and people's photos."""

import factory
import wagtail_factories
from wagtail.models import Collection


class ImageFactory(wagtail_factories.ImageFactory):
    """A small real JPEG in the root collection (renditions are made from it as in production)."""

    title = factory.Sequence(lambda n: f"Photograph {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=800, height=450, color="teal", format="JPEG")
