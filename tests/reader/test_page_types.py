"""Each of Masthead's page types has its reader page assembled and its head built by a piece of
its own: a new page type without them fails here instead of showing readers a bare page."""

from wagtail.models import get_page_models

from masthead.core import assembly
from masthead.core.models import BasePage
from masthead.seo import pages
from masthead.seo.builders import builder_for


def page_types() -> list[type]:
    return [model for model in get_page_models() if issubclass(model, BasePage)]


def test_masthead_has_its_four_page_types():
    assert {model._meta.label for model in page_types()} == {
        "articles.ArticlePage",
        "pages.StandardPage",
        "sections.HomePage",
        "sections.SectionPage",
    }


def test_every_page_type_has_an_assembler_and_a_head_builder_of_its_own():
    for model in page_types():
        assert assembly.assembler_for(model) is not None, model
        assert builder_for(model) is not pages.other_page_meta, model
