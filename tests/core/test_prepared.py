"""Querysets compiled once per process: each run gives what the queryset gives, for its values."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from masthead.articles.models import ArticlePage
from masthead.core.prepared import Prepared
from tests.factories import ArticlePageFactory, OrganisationFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def test_each_run_gives_the_querysets_instances_for_its_values(home):
    section = SectionPageFactory(parent=home)
    agency = OrganisationFactory()
    stories = [
        ArticlePageFactory(parent=section, slug=f"story-{n}", credit_organisation=agency)
        for n in range(3)
    ]
    by_slug = Prepared(
        lambda slug: (
            ArticlePage.objects.live()
            .select_related("credit_organisation")
            .filter(slug=slug)
            .order_by("pk")
        )
    )
    for story in stories:
        [found] = by_slug.run(slug=story.slug)
        assert (found.pk, found.title) == (story.pk, story.title)
        assert found.credit_organisation.name == agency.name
    assert by_slug.run(slug="no-such-story") == []
    assert by_slug.compiled


def test_ids_are_values_too(home):
    section = SectionPageFactory(parent=home)
    first, second, third = (ArticlePageFactory(parent=section) for _ in range(3))
    pair = Prepared(
        lambda a, b: ArticlePage.objects.filter(pk__in=[a, b]).order_by("pk"), a=int, b=int
    )
    assert [s.pk for s in pair.run(a=third.pk, b=first.pk)] == [first.pk, third.pk]
    assert [s.pk for s in pair.run(a=second.pk, b=0)] == [second.pk]


def test_a_value_that_is_not_one_sql_parameter_runs_as_its_queryset(home):
    section = SectionPageFactory(parent=home)
    ArticlePageFactory(parent=section, slug="budget-vote")
    ArticlePageFactory(parent=section, slug="cabinet-reshuffle")
    # `__startswith` reaches the SQL as "budget%": not the value itself.
    starting = Prepared(lambda word: ArticlePage.objects.filter(slug__startswith=word))
    assert [s.slug for s in starting.run(word="budget")] == ["budget-vote"]
    assert [s.slug for s in starting.run(word="cabinet")] == ["cabinet-reshuffle"]
    assert not starting.compiled


def test_a_date_and_time_is_a_value_too(home):
    section = SectionPageFactory(parent=home)
    now = timezone.now().replace(microsecond=0)
    stories = [
        ArticlePageFactory(parent=section, published_at=now - timedelta(hours=hours))
        for hours in (1, 2, 3)
    ]
    older_than = Prepared(
        lambda at: ArticlePage.objects.filter(published_at__lt=at).order_by("published_at"),
        at=datetime,
    )
    assert [s.pk for s in older_than.run(at=now - timedelta(minutes=90))] == [
        stories[2].pk,
        stories[1].pk,
    ]
    # The same moment in another time zone is the same value.
    in_karachi = (now - timedelta(hours=2)).astimezone(ZoneInfo("Asia/Karachi"))
    assert [s.pk for s in older_than.run(at=in_karachi)] == [stories[2].pk]
    assert older_than.compiled
