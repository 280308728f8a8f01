"""A story's body as feed readers get it: rendered by Wagtail, with every URL in it absolute.

Feed readers show the HTML away from the site, where a relative link or image has no base.
"""

from masthead.core.links import absolute_html


def render_body(story, request) -> str:
    """The body through Wagtail's block templates: rich-text links to pages and documents are
    expanded, figures become <picture>s, "also read" blocks link their story."""
    context = {"request": request}
    # Block by block, as the story page does: no wrapper <div> around each block.
    return "\n".join(str(block.render_as_block(context=context)) for block in story.body)


def body_html(story, request) -> str:
    return absolute_html(render_body(story, request))
