"""A story body's blocks as Wagtail's include_block renders them, from the reader's own tag
(masthead.reader.jinja2.body_block: fewer copies of the page's context)."""

import pytest
from django.template import engines
from django.test import RequestFactory

from tests.factories import ArticlePageFactory, ImageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

WAGTAILS = "{% for block in page.body %}[{% include_block block %}]{% endfor %}"
READERS = "{% for block in page.body %}[{{ body_block(block) }}]{% endfor %}"


def test_every_kind_of_block_renders_as_include_block_renders_it(home):
    section = SectionPageFactory(parent=home)
    linked = ArticlePageFactory(parent=section, title="Inflation jumps")
    body = [
        ("paragraph", "<p>A <b>bold</b> start &amp; more.</p>"),
        ("heading", "What <happens> next"),
        ("quote", {"text": "It is over", "verb": "said", "speaker": "A. N. Other"}),
        ("also_read", {"story": linked, "label": "Also read"}),
        ("image", {"image": ImageFactory(), "alt_text": "A <view>", "caption": "Caption"}),
    ]
    story = ArticlePageFactory(parent=section, body=body)
    story.refresh_from_db()
    context = {
        "page": story,
        "request": RequestFactory().get(story.url),
        "public_link_ids": {linked.pk},
    }
    jinja = engines["jinja2"]
    wagtails = jinja.from_string(WAGTAILS).render(context)
    readers = jinja.from_string(READERS).render(context)
    assert readers == wagtails
    assert wagtails.count("[") == len(body)
    assert "Inflation jumps</a>" in readers and "&lt;view&gt;" in readers
