"""The front page and its Wagtail site: the root of every parent chain.

A fresh test database holds one site, whose root is the front page the sections migration made
(`sections.0002_create_front_page`); `default_home()` returns it. `HomePageFactory` and
`SiteFactory` make further sites for the tests about several hosts.
"""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from masthead.core.models import SiteSettings
from masthead.sections.models import HomePage


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


def default_home() -> HomePage:
    """The default site's front page, as its specific HomePage."""
    return default_site().root_page.specific


class HomePageFactory(wagtail_factories.PageFactory):
    """Another front page, directly under Wagtail's root (give it a site with SiteFactory)."""

    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"Front page {n}")
    slug = factory.Sequence(lambda n: f"front-{n}")
    parent = factory.LazyFunction(lambda: Page.get_first_root_node())


class SiteFactory(wagtail_factories.SiteFactory):
    """A non-default site on its own host, with its own front page."""

    hostname = factory.Sequence(lambda n: f"site{n}.example.org")
    port = 80
    site_name = factory.Sequence(lambda n: f"Newsroom {n}")
    root_page = factory.SubFactory(HomePageFactory)


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    """The site's identity (name, tagline, footer); one per site."""

    class Meta:
        model = SiteSettings
        django_get_or_create = ("site",)

    site = factory.LazyFunction(default_site)
    tagline = "News from the test desk"
