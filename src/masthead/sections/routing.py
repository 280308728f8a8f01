"""Finding the page at a URL in one query (a story) or none (a section), where Wagtail walks
the tree with two queries per level.

Wagtail's semantics are kept: only a live page is served (a page on the way may be
unpublished); anything else (no page, a page that is not live, a page of another type) is left
to Wagtail's own walk, which raises the 404 (and the 404 handler answers 410 for a pulled
story, the redirects middleware redirects an old slug). View restrictions are still checked by
Wagtail's serve hook, from `BasePage.get_view_restrictions`.
"""

from masthead.core.prepared import Prepared
from masthead.sections.models import HomePage, SectionPage
from masthead.sections.tree import page_copy, section_tree

_lookups: dict[type, Prepared] = {}


def routed_models(parent_model) -> list:
    """The page types `parent_model` holds besides sections (stories below a section, the
    newsroom's own pages below the front page), as Wagtail's tree declares them
    (`subpage_types`): each gives the queryset its page is served from."""
    return [
        model
        for model in parent_model.allowed_subpage_models()
        if hasattr(model, "routed_queryset")
    ]


def story_models() -> list:
    return routed_models(SectionPage)


def page_at(model):
    """The lookup of the live page of type `model` with a slug and URL path: the first of its
    routed queryset's matches (as `.first()` orders them), compiled once per process."""
    lookup = _lookups.get(model)
    if lookup is None:

        def build(slug, url_path):
            found = model.routed_queryset().filter(slug=slug, url_path=url_path)
            return (found if found.ordered else found.order_by("pk"))[:1]

        lookup = _lookups[model] = Prepared(build)
    return lookup


def find_page(home, path_components):
    """The live section, story or standard page at this path below the front page `home`, or
    None."""
    url_path = home.url_path + "".join(f"{component}/" for component in path_components)
    section = section_tree().by_url_path.get(url_path)
    if section is not None:
        return page_copy(SectionPage, section.pk) if section.live else None
    # The slug narrows the search to its index; the URL path picks the story (or the page).
    models = story_models() if len(path_components) > 1 else routed_models(HomePage)
    for model in models:
        found = page_at(model).run(slug=path_components[-1], url_path=url_path)
        if found:
            return found[0]
    return None
