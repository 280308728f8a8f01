"""Factories for the content model, per app, on wagtail-factories and factory_boy.

Each factory builds its parents when not given them: a story makes its section, a section sits
under the default site's front page, a correction or a pin makes its published story. Tests build
the small world they need; only the tests about the reference page and the demo itself load the
demo newsroom (the `demo_newsroom` fixture in tests/conftest.py).
"""

from tests.factories.articles import (
    ArticleBylineFactory,
    ArticlePageFactory,
    also_read,
    figure,
    heading,
    paragraph,
    quote,
    stories_in,
)
from tests.factories.corrections import CorrectionFactory
from tests.factories.curation import (
    CurationFactory,
    DontMissPickFactory,
    FrontPagePinFactory,
    breaking_banner,
)
from tests.factories.images import ImageFactory
from tests.factories.newsroom import Newsroom, small_newsroom
from tests.factories.people import OrganisationFactory, PersonFactory, UserFactory
from tests.factories.pipeline import person_named, unpublished_pipeline
from tests.factories.publishing import publish
from tests.factories.restrictions import GroupFactory, PageViewRestrictionFactory
from tests.factories.sections import SectionPageFactory, nested_sections, section_named
from tests.factories.sites import (
    HomePageFactory,
    SiteFactory,
    SiteSettingsFactory,
    default_home,
    default_site,
)
from tests.factories.staff import (
    STAFF_PASSWORD,
    administrator,
    named_newsroom_staff,
    newsroom_staff,
    staff_member,
)

__all__ = [
    "STAFF_PASSWORD",
    "ArticleBylineFactory",
    "ArticlePageFactory",
    "CorrectionFactory",
    "CurationFactory",
    "DontMissPickFactory",
    "FrontPagePinFactory",
    "GroupFactory",
    "HomePageFactory",
    "ImageFactory",
    "Newsroom",
    "OrganisationFactory",
    "PageViewRestrictionFactory",
    "PersonFactory",
    "SectionPageFactory",
    "SiteFactory",
    "SiteSettingsFactory",
    "UserFactory",
    "administrator",
    "also_read",
    "breaking_banner",
    "default_home",
    "default_site",
    "figure",
    "heading",
    "named_newsroom_staff",
    "nested_sections",
    "newsroom_staff",
    "paragraph",
    "person_named",
    "publish",
    "quote",
    "section_named",
    "small_newsroom",
    "staff_member",
    "stories_in",
    "unpublished_pipeline",
]
