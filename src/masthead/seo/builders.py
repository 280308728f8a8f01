"""Which builder makes the head of the page being rendered: one per page type.

Wagtail pages are looked up by their class (a subclass gets its parent's builder unless it
has one of its own); the pages of the site's own views by their template. `head_meta()` is the
Jinja2 global that base.html calls once per page (docs/structured-data.md).
"""

from jinja2 import pass_context
from wagtail.models import Page

from masthead.articles.models import ArticlePage
from masthead.pages.models import StandardPage
from masthead.sections.models import HomePage, SectionPage
from masthead.seo import listings, notices, pages, story
from masthead.seo.head import HeadMeta, view_canonical

PAGE_BUILDERS = {
    ArticlePage: story.article_head_meta,
    HomePage: pages.home_meta,
    SectionPage: pages.section_meta,
    StandardPage: pages.standard_page_meta,
    Page: pages.other_page_meta,
}
# The views' pages, by their template; a password form shows nothing of the page it guards.
VIEW_BUILDERS = {
    "sections/tag_page.html": listings.tag_meta,
    "people/author_page.html": listings.author_meta,
    "search/search_page.html": listings.search_meta,
    "publishing/corrections.html": listings.corrections_meta,
    "404.html": notices.not_found,
    "410.html": notices.gone,
    "403_csrf.html": notices.form_expired,
    "access/locked_out.html": notices.locked_out,
    "access/password_required.html": notices.password_required,
}


def builder_for(model: type):
    """The builder of the nearest class in the page type's class hierarchy that has one."""
    return next(PAGE_BUILDERS[cls] for cls in model.__mro__ if cls in PAGE_BUILDERS)


@pass_context
def head_meta(context) -> HeadMeta:
    """The head metadata of the page being rendered (`context.name`: its template)."""
    view_builder = VIEW_BUILDERS.get(context.name)
    if view_builder is not None:
        return view_builder(context)
    page = context.get("page")
    if isinstance(page, Page):
        return builder_for(type(page))(page, context)
    return HeadMeta(title=context.get("site_name", ""), canonical=view_canonical(context))
