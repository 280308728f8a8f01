"""The story editor's fields, as the browser posts them."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def editor_form_data(story) -> dict:
    """The story editor's fields, as the browser would post them for this story."""
    return nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": story.standfirst,
            "credit_verb": "reports",
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "bylines": inline_formset([]),
            "corrections": inline_formset([]),
            "comments": inline_formset([]),
            "tags": "",
        }
    )
