"""Places in Wagtail's page tree, read from a page's materialised path."""


def parent_path(page) -> str:
    """The tree path of the page's parent (a story's section), without a query."""
    return page.path[: -page.steplen]
