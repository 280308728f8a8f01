"""The body's derived facts: one walk, read from the stored blocks, found by Wagtail's rich-text
rewriters."""

from masthead.articles.blocks import ArticleBodyBlock
from masthead.articles.body_facts import body_facts

PARAGRAPH = (
    '<p>See <a linktype="page" id="12">the budget</a>, <a id="13" linktype="page">the vote</a>,'
    ' <a href="https://example.org/report">a report</a>, <a linktype="document" id="4">the'
    ' filing</a>, <a linktype="page">a link to nothing</a> and <a linktype="page" id="x">a bad'
    ' one</a>.</p><embed embedtype="image" id="9" format="left" alt="A chart"/>'
)


def stored_body(items):
    """A body as loaded from the database: blocks not converted yet."""
    return ArticleBodyBlock().to_python(items)


def test_a_body_names_what_its_text_and_blocks_refer_to_without_a_query(
    db,
    django_assert_num_queries,
):
    body = stored_body(
        [
            {"type": "paragraph", "value": PARAGRAPH},
            {"type": "also_read", "value": {"story": 21, "label": "Also read"}},
            {"type": "also_read", "value": {"story": None, "label": "Also read"}},
            {"type": "image", "value": {"image": 7, "alt_text": "Crowds", "caption": ""}},
            {"type": "embed", "value": {"embed": "https://youtu.be/abc", "caption": ""}},
            {"type": "embed", "value": {"embed": "", "caption": ""}},
            {"type": "heading", "value": "What next"},
        ]
    )

    with django_assert_num_queries(0):
        facts = body_facts(body)

    assert facts.linked_page_ids == {12, 13}  # in either attribute order; nothing for no id
    assert facts.story_ids == {21}
    assert facts.page_ids == {12, 13, 21}
    assert facts.image_ids == {7, 9}
    assert facts.document_ids == {4}
    assert facts.embed_urls == ("https://youtu.be/abc",)
    assert facts.words == (
        "See the budget, the vote, a report, the filing, a link to nothing and a bad one. What next"
    )
