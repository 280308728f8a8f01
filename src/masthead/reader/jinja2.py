"""The Jinja2 environment of the reader templates."""

from jinja2 import Environment, TemplateNotFound, pass_context
from markupsafe import Markup, escape

from masthead.articles.blocks import ParagraphBlock
from masthead.articles.text import credit_separator, cut_words, first_words
from masthead.core.dates import is_today, iso_datetime, news_date, next_midnight
from masthead.core.links import site_url, static_url
from masthead.pagecache import deps
from masthead.reader.fragments import latest_from, site_nav
from masthead.seo.builders import head_meta
from masthead.seo.head import html_lang

EXTENSIONS = [
    "wagtail.jinja2tags.core",
    "wagtail.admin.jinja2tags.userbar",
    "wagtail.images.jinja2tags.images",
    "wagtail.contrib.settings.jinja2tags.settings",
]


def _date_format(context) -> str:
    site_settings = context.get("site_settings")
    return getattr(site_settings, "date_format", "") or ""


@pass_context
def long_date(context, value) -> str:
    """The date in the newsroom's format (SiteSettings.date_format): "August 3, 2023"."""
    return news_date(value, _date_format(context))


@pass_context
def long_datetime(context, value) -> str:
    """The date and time: "August 3, 2023 at 14:05 BST"."""
    return news_date(value, _date_format(context), with_time=True)


@pass_context
def story_date(context, value) -> str:
    """A story page's date: with the time for the newsroom's today ("December 6, 2026 at 23:06
    GMT"), which stays true after midnight, else the date alone."""
    return news_date(value, _date_format(context), date_and_time_if_today=True)


@pass_context
def listing_date(context, value) -> str:
    """A listing's date: "Today at 14:35" for the newsroom's today, else the date. A page
    showing it is not cached past the newsroom's midnight, when it would be wrong."""
    if is_today(value):
        deps.record_expiry(next_midnight())
    return news_date(value, _date_format(context), time_if_today=True)


@pass_context
def body_block(context, child):
    """`{% include_block child %}` for a body's block, with fewer copies of the page's whole
    context: Wagtail's tag copies it for every block, its block copies it again, then Django's
    and Jinja2's render() twice more. A paragraph (most of a story's blocks) renders without a
    template and reads no context; a block with a template in this environment gets one copy."""
    block, value = child.block, child.value
    if isinstance(block, ParagraphBlock):
        return escape(block.render_basic(value))
    name = block.get_template(value, context=context)
    try:
        template = context.environment.get_template(name) if name else None
    except TemplateNotFound:
        template = None
    if template is None:
        return escape(child.render_as_block(context=context.get_all()))
    variables = context.get_all()
    if variables is context.parent:  # not a copy: the page's own
        variables = dict(variables)
    variables = block.get_context(value, parent_context=variables)
    rendered = template.new_context(variables, shared=True)
    return Markup(context.environment.concat(template.root_render_func(rendered)))  # noqa: S704


def environment(**options) -> Environment:
    options.setdefault("extensions", [])
    options["extensions"] = [*options["extensions"], *EXTENSIONS]
    env = Environment(**options)  # noqa: S701 (autoescape is set by Django's Jinja2 backend)
    env.globals.update(
        static=static_url,
        url=site_url,
        head_meta=head_meta,
        html_lang=html_lang,
        body_block=body_block,
        site_nav=site_nav,
        latest_from=latest_from,
    )
    env.filters.update(
        long_date=long_date,
        long_datetime=long_datetime,
        listing_date=listing_date,
        story_date=story_date,
        iso_datetime=iso_datetime,
        first_words=first_words,
        cut_words=cut_words,
        credit_separator=credit_separator,
    )
    return env
