"""The site's language: one setting (MASTHEAD_LANGUAGE, default "en") declared by every reader
page and, as its ISO 639 part, by the news sitemap."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from lxml import html

from masthead.settings.language import language_tag
from tests.factories import ArticlePageFactory, SectionPageFactory, publish
from tests.feeds.test_news_sitemap import news

pytestmark = pytest.mark.django_db


@pytest.fixture
def recent_story(home):
    desk = SectionPageFactory(parent=home, slug="breaking")
    recent = timezone.now() - timedelta(minutes=30)  # news: the last two days
    return publish(ArticlePageFactory(parent=desk, published_at=recent))


def languages(client, story) -> tuple[set[str], set[str]]:
    pages = ["/", story.url, "/search/?q=story", "/no-such-page/"]
    declared = {html.fromstring(client.get(url).content).get("lang") for url in pages}
    return declared, {entry["language"] for entry in news(client).values()}


def test_by_default_pages_and_the_news_sitemap_say_english(client, recent_story):
    assert languages(client, recent_story) == ({"en"}, {"en"})


def test_a_regional_language_is_declared_whole_and_sent_to_news_as_its_language(
    client, recent_story, settings
):
    settings.MASTHEAD_LANGUAGE = "pt-BR"
    assert languages(client, recent_story) == ({"pt-BR"}, {"pt"})


def test_the_server_error_page_declares_it_too(settings):
    from django.template import loader

    settings.MASTHEAD_LANGUAGE = "de"
    assert '<html lang="de">' in loader.get_template("500.html").render()


@pytest.mark.parametrize("raw", ["", "english", "en_GB", "en-", "<script>"])
def test_a_value_that_is_no_language_tag_is_refused_with_its_name(raw):
    with pytest.raises(ImproperlyConfigured, match="MASTHEAD_LANGUAGE=.*expected a language tag"):
        language_tag(raw)
