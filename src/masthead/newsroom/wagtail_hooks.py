"""The newsroom's admin pieces, plugged into Wagtail."""

from wagtail import hooks

from masthead.newsroom import panels


@hooks.register("construct_homepage_panels")
def newsroom_home(request, home_panels):
    panels.build_home(request, home_panels)


@hooks.register("construct_homepage_summary_items")
def no_generic_counts(request, items):
    """The counts of pages, images and documents tell a desk nothing: the pipeline does."""
    items[:] = []
