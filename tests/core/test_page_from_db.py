"""A page read from the database is what Django's own reading makes of its row
(core.models.BasePage.from_db), whole or with deferred fields."""

import pytest
from django.db import models

from masthead.articles.models import ArticlePage
from masthead.sections.models import SectionPage
from tests.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def djangos(model, row_fields, values):
    return models.Model.from_db.__func__(model, "default", row_fields, values)


def state(page) -> dict:
    return {key: value for key, value in vars(page).items() if key != "_state"} | {
        "adding": page._state.adding,
        "db": page._state.db,
    }


@pytest.mark.parametrize("only", [None, ("title", "url_path")])
def test_a_page_read_is_djangos_reading_of_its_row(home, only):
    section = SectionPageFactory(parent=home, slug="world")
    story = ArticlePageFactory(parent=section, title="Read back")
    for model, pk in ((ArticlePage, story.pk), (SectionPage, section.pk)):
        queryset = model.objects.filter(pk=pk)
        if only:
            queryset = queryset.only(*only)
        [page] = queryset
        row_fields = [f.attname for f in model._meta.concrete_fields if f.attname in vars(page)]
        values = [getattr(page, name) for name in row_fields]
        djangos_page = djangos(model, row_fields, values)
        assert state(page) == state(djangos_page)
        assert page.get_deferred_fields() == djangos_page.get_deferred_fields()
        assert page.title == ("Read back" if model is ArticlePage else section.title)
